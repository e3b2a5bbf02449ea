package com.kinshop.redpacket;

import com.kinshop.shared.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What supplier staff may ask for, each refusal naming its field. */
class CampaignFormTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));

    private static CampaignForm form(Long budget, Long min, Long max, Instant starts, Instant ends, Integer limit) {
        return new CampaignForm("双十二红包雨", budget, min, max, starts, ends, limit);
    }

    private static void refused(CampaignForm form, String field, String key) {
        assertThatThrownBy(() -> form.checked(NOW)).isInstanceOf(BusinessException.class)
                .satisfies(e -> {
                    assertThat(((BusinessException) e).field()).isEqualTo(field);
                    assertThat(((BusinessException) e).messageKey()).isEqualTo(key);
                });
    }

    @Test
    void aGoodFormIsKeptWithOnePacketPerMemberByDefault() {
        CampaignForm checked = new CampaignForm("  红包雨 ", 10_000L, 100L, 500L, NOW, IN_AN_HOUR, null).checked(NOW);
        assertThat(checked.name()).isEqualTo("红包雨");
        assertThat(checked.perMemberLimit()).isEqualTo(1);
        assertThat(form(100L, 100L, 100L, NOW.minusSeconds(60), IN_AN_HOUR, 3).checked(NOW).perMemberLimit())
                .as("a budget of exactly one packet, started a minute ago").isEqualTo(3);
    }

    @Test
    void eachBadInputNamesItsField() {
        refused(new CampaignForm(" ", 10_000L, 100L, 500L, NOW, IN_AN_HOUR, 1), "name", "redpacket.name.invalid");
        refused(new CampaignForm("长".repeat(41), 10_000L, 100L, 500L, NOW, IN_AN_HOUR, 1), "name", "redpacket.name.invalid");
        refused(form(10_000L, 0L, 500L, NOW, IN_AN_HOUR, 1), "minFen", "redpacket.min.positive");
        refused(form(10_000L, -5L, 500L, NOW, IN_AN_HOUR, 1), "minFen", "redpacket.min.positive");
        refused(form(10_000L, null, 500L, NOW, IN_AN_HOUR, 1), "minFen", "redpacket.min.positive");
        refused(form(10_000L, 600L, 500L, NOW, IN_AN_HOUR, 1), "maxFen", "redpacket.max.below-min");
        refused(form(10_000L, 100L, 20_001L, NOW, IN_AN_HOUR, 1), "maxFen", "redpacket.max.too-large");
        refused(form(99L, 100L, 500L, NOW, IN_AN_HOUR, 1), "budgetFen", "redpacket.budget.below-min");
        refused(form(null, 100L, 500L, NOW, IN_AN_HOUR, 1), "budgetFen", "redpacket.budget.below-min");
        refused(form(100_000_001L, 100L, 500L, NOW, IN_AN_HOUR, 1), "budgetFen", "redpacket.budget.too-large");
        refused(form(10_000L, 100L, 500L, null, IN_AN_HOUR, 1), "startsAt", "redpacket.starts.required");
        refused(form(10_000L, 100L, 500L, IN_AN_HOUR, IN_AN_HOUR, 1), "endsAt", "redpacket.ends.before-start");
        refused(form(10_000L, 100L, 500L, IN_AN_HOUR, NOW, 1), "endsAt", "redpacket.ends.before-start");
        refused(form(10_000L, 100L, 500L, NOW.minusSeconds(7200), NOW, 1), "endsAt", "redpacket.ends.past");
        refused(form(10_000L, 100L, 500L, NOW, IN_AN_HOUR, 0), "perMemberLimit", "redpacket.per-member.range");
        refused(form(10_000L, 100L, 500L, NOW, IN_AN_HOUR, 11), "perMemberLimit", "redpacket.per-member.range");
    }
}
