package com.kinshop.commission;

import com.kinshop.referral.Tiers;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TierPromotionsTest {

    private static final Tiers.Tier MEMBER = new Tiers.Tier("MEMBER", "会员", 1, 6000, 2000, 0, Money.ZERO, 0, Money.ZERO, 30);
    private static final Tiers.Tier OWNER = new Tiers.Tier("OWNER", "店主", 2, 6500, 2000, 0, Money.fen(100_000), 0, Money.ZERO, 30);
    private static final Tiers.Tier MANAGER = new Tiers.Tier("MANAGER", "店长", 3, 7000, 2500, 0, Money.fen(500_000), 5, Money.fen(1_000_000), 30);
    private static final List<Tiers.Tier> ALL = List.of(MEMBER, OWNER, MANAGER);

    @Test
    void salesPromoteRecruitsAloneDoNot() {
        assertThat(TierPromotions.deserved(ALL, MEMBER, days -> new TierPromotions.Figures(Money.fen(100_000), 0, Money.ZERO))).isEqualTo(OWNER);
        assertThat(TierPromotions.deserved(ALL, MEMBER, days -> new TierPromotions.Figures(Money.ZERO, 500, Money.ZERO)))
                .as("a hundred recruits who buy nothing are not a tier").isEqualTo(MEMBER);
        assertThat(TierPromotions.deserved(ALL, MEMBER, days -> new TierPromotions.Figures(Money.fen(600_000), 5, Money.fen(1_000_000))))
                .isEqualTo(MANAGER);
    }

    @Test
    void nobodyIsDemotedAutomatically() {
        assertThat(TierPromotions.deserved(ALL, MANAGER, days -> new TierPromotions.Figures(Money.ZERO, 0, Money.ZERO))).isEqualTo(MANAGER);
    }
}
