package com.kinshop.commission;

import com.kinshop.referral.Tiers;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TierPromotionsTest {

    private static final Tiers.Tier MEMBER = new Tiers.Tier("MEMBER", "会员", 1, 6000, 2000, 0, Money.ZERO, 0, Money.ZERO, 30);
    private static final Tiers.Tier OWNER = new Tiers.Tier("OWNER", "店主", 2, 6500, 2000, 0, Money.fen(100_000), 0, Money.ZERO, 30);
    private static final Tiers.Tier MANAGER = new Tiers.Tier("MANAGER", "店长", 3, 7000, 2500, 0, Money.fen(500_000), 5, Money.fen(1_000_000), 30);
    private static final List<Tiers.Tier> ALL = List.of(MEMBER, OWNER, MANAGER);

    /** Fixed figures that record which were asked for (and with what cap), as the database-backed ones would be read. */
    private static final class Fixed implements TierPromotions.Figures {
        final long own, team;
        final int buying;
        final List<String> asked = new ArrayList<>();

        Fixed(long own, int buying, long team) {
            this.own = own;
            this.buying = buying;
            this.team = team;
        }

        @Override
        public Money ownSales(int periodDays) {
            asked.add("own");
            return Money.fen(own);
        }

        @Override
        public int buyingInvitees(int periodDays, int atLeast) {
            asked.add("buying≤" + atLeast);
            return Math.min(buying, atLeast);
        }

        @Override
        public Money teamSales(int periodDays, Money atLeast) {
            asked.add("team≥" + atLeast.fen());
            return Money.fen(team);
        }
    }

    @Test
    void salesPromoteRecruitsAloneDoNot() {
        assertThat(TierPromotions.deserved(ALL, MEMBER, new Fixed(100_000, 0, 0))).isEqualTo(OWNER);
        assertThat(TierPromotions.deserved(ALL, MEMBER, new Fixed(0, 500, 0))).as("a hundred recruits who buy nothing are not a tier").isEqualTo(MEMBER);
        assertThat(TierPromotions.deserved(ALL, MEMBER, new Fixed(600_000, 5, 1_000_000))).isEqualTo(MANAGER);
        assertThat(TierPromotions.deserved(ALL, MEMBER, new Fixed(600_000, 4, 1_000_000))).as("one buying invitee short").isEqualTo(OWNER);
        assertThat(TierPromotions.deserved(ALL, MEMBER, new Fixed(600_000, 5, 999_999))).as("one fen of team sales short").isEqualTo(OWNER);
    }

    @Test
    void nobodyIsDemotedAutomatically() {
        assertThat(TierPromotions.deserved(ALL, MANAGER, new Fixed(0, 0, 0))).isEqualTo(MANAGER);
    }

    @Test
    void aFigureIsReadOnlyWhenATierStillNeedsIt() {
        Fixed small = new Fixed(50_000, 100, 5_000_000);
        assertThat(TierPromotions.deserved(ALL, MEMBER, small)).isEqualTo(MEMBER);
        assertThat(small.asked).as("own sales below both thresholds: invitees and the team are never read").containsExactly("own", "own");

        Fixed top = new Fixed(0, 0, 0);
        TierPromotions.deserved(ALL, MANAGER, top);
        assertThat(top.asked).as("nothing above the top tier").isEmpty();

        Fixed owner = new Fixed(600_000, 2, 5_000_000);
        assertThat(TierPromotions.deserved(ALL, MEMBER, owner)).isEqualTo(OWNER);
        assertThat(owner.asked).as("OWNER needs own sales only; MANAGER stops at the invitees, counted only up to its threshold")
                .containsExactly("own", "own", "buying≤5");

        Fixed manager = new Fixed(600_000, 5, 5_000_000);
        assertThat(TierPromotions.deserved(ALL, MEMBER, manager)).isEqualTo(MANAGER);
        assertThat(manager.asked).as("the team's sales are summed only up to MANAGER's threshold").containsExactly("own", "own", "buying≤5", "team≥1000000");
    }
}
