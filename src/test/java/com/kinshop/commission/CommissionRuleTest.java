package com.kinshop.commission;

import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommissionRuleTest {

    @Test
    void sharesRoundDownAndTheRemainderStaysWithThePlatform() {
        assertThat(CommissionRule.split(Money.fen(999), List.of(6000, 2000))).containsExactly(Money.fen(599), Money.fen(199));
    }

    @Test
    void levelsNeverTogetherExceedTheBudgetEvenWhenTiersWouldAddUpToMore() {
        assertThat(CommissionRule.split(Money.fen(1000), List.of(9000, 9000))).containsExactly(Money.fen(900), Money.fen(100));
    }

    @Test
    void aPartialRefundKeepsTheCommissionOfTheUnitsKeptRoundedDown() {
        assertThat(CommissionRule.kept(Money.fen(1000), 3, 1)).isEqualTo(Money.fen(666));
        assertThat(CommissionRule.kept(Money.fen(1000), 3, 3)).isEqualTo(Money.ZERO);
        assertThat(CommissionRule.kept(Money.fen(1000), 3, 0)).isEqualTo(Money.fen(1000));
        assertThatThrownBy(() -> CommissionRule.kept(Money.fen(1000), 3, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
