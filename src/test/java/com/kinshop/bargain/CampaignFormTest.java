package com.kinshop.bargain;

import com.kinshop.catalog.CommissionBudget;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignFormTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    private static CampaignForm form(Long floor, Integer helpers, String limit, Integer units, Integer perMember) {
        return new CampaignForm(12L, floor, helpers, limit, NOW, NOW.plus(Duration.ofDays(2)), units, perMember, null);
    }

    private static String refusedField(Runnable check) {
        try {
            check.run();
        } catch (BusinessException e) {
            return e.field() + " " + e.messageKey();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void helpersNeededMustBeOneToFifty() {
        assertThat(refusedField(() -> form(7_000L, 0, "24", 10, 1).checked(NOW))).isEqualTo("helpersNeeded bargain.helpers.range");
        assertThat(refusedField(() -> form(7_000L, 51, "24", 10, 1).checked(NOW))).isEqualTo("helpersNeeded bargain.helpers.range");
        assertThat(refusedField(() -> form(7_000L, null, "24", 10, 1).checked(NOW))).isEqualTo("helpersNeeded bargain.helpers.range");
        assertThat(form(7_000L, 1, "24", 10, 1).checked(NOW).helpersNeeded()).isEqualTo(1);
        assertThat(form(7_000L, 50, "24", 10, 1).checked(NOW).helpersNeeded()).isEqualTo(50);
    }

    @Test
    void theTimeLimitIsWholeHoursOrAnIsoDurationWithinOneHourAndSevenDays() {
        assertThat(form(7_000L, 5, "24", 10, 1).checked(NOW).timeLimitDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(form(7_000L, 5, "pt90m", 10, 1).checked(NOW).timeLimitDuration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(form(7_000L, 5, "168", 10, 1).checked(NOW).timeLimit()).isEqualTo("PT168H");
        for (String bad : new String[] {"0", "169", "PT59M", "P8D", "soon", "", "-1"}) {
            assertThat(refusedField(() -> form(7_000L, 5, bad, 10, 1).checked(NOW))).as(bad).isEqualTo("timeLimit bargain.time-limit.invalid");
        }
    }

    @Test
    void unitsPerMemberAndTheWindowAreChecked() {
        assertThat(refusedField(() -> form(7_000L, 5, "24", 0, 1).checked(NOW))).isEqualTo("units bargain.units.range");
        assertThat(refusedField(() -> form(7_000L, 5, "24", 10_001, 1).checked(NOW))).isEqualTo("units bargain.units.range");
        assertThat(refusedField(() -> form(7_000L, 5, "24", 10, 11).checked(NOW))).isEqualTo("perMemberLimit bargain.per-member.range");
        assertThat(form(7_000L, 5, "24", 10, null).checked(NOW).perMemberLimit()).as("one bargain per member by default").isEqualTo(1);
        assertThat(form(7_000L, 5, "24", 10, null).checked(NOW).newMembersOnly()).isFalse();
        assertThat(refusedField(() -> form(0L, 5, "24", 10, 1).checked(NOW))).isEqualTo("floorPriceFen bargain.floor.positive");
        CampaignForm past = new CampaignForm(12L, 7_000L, 5, "24", NOW.minus(Duration.ofDays(2)), NOW.minusSeconds(1), 10, 1, false);
        assertThat(refusedField(() -> past.checked(NOW))).isEqualTo("endsAt bargain.ends.past");
    }

    @Test
    void theFloorMustBeBelowThePriceLeaveAFenPerCutAndSatisfyThePriceRule() {
        Money normal = Money.fen(10_000);
        Money supply = Money.fen(5_000);
        CommissionBudget tenPercent = CommissionBudget.rate(1_000);
        // 5000 + 10 % + 5 % of the floor (each rounded down) ≤ floor from ¥58.82
        assertThat(refusedField(() -> CampaignForm.checkFloor(Money.fen(5_881), normal, "标准装", supply, tenPercent, 500, 6)))
                .isEqualTo("floorPriceFen bargain.floor.price-rule");
        CampaignForm.checkFloor(Money.fen(5_882), normal, "标准装", supply, tenPercent, 500, 6);
        assertThat(refusedField(() -> CampaignForm.checkFloor(normal, normal, "标准装", supply, tenPercent, 500, 6)))
                .isEqualTo("floorPriceFen bargain.floor.not-below-price");
        assertThat(refusedField(() -> CampaignForm.checkFloor(Money.fen(9_995), normal, "标准装", supply, tenPercent, 500, 6)))
                .isEqualTo("floorPriceFen bargain.floor.gap-too-small");
        CampaignForm.checkFloor(Money.fen(9_994), normal, "标准装", supply, tenPercent, 500, 6);
    }
}
