package com.kinshop.catalog;

import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShippingRuleTest {

    private final ShippingRule eightUnder99 = new ShippingRule(Money.fen(800), Money.fen(9_900));

    @Test
    void theFlatFeeAppliesBelowTheThresholdAndIsWaivedFromItOn() {
        assertThat(eightUnder99.feeFor(Money.fen(9_899))).isEqualTo(Money.fen(800));
        assertThat(eightUnder99.feeFor(Money.fen(9_900))).isEqualTo(Money.ZERO);
        assertThat(eightUnder99.feeFor(Money.fen(50_000))).isEqualTo(Money.ZERO);
    }

    @Test
    void withoutAThresholdTheFeeAlwaysAppliesAndZeroMeansFree() {
        assertThat(new ShippingRule(Money.fen(600), null).feeFor(Money.fen(1_000_000))).isEqualTo(Money.fen(600));
        assertThat(ShippingRule.FREE.feeFor(Money.fen(1))).isEqualTo(Money.ZERO);
        assertThat(ShippingRule.FREE.alwaysFree()).isTrue();
        assertThat(eightUnder99.alwaysFree()).isFalse();
    }

    @Test
    void negativeFeesAndNonPositiveThresholdsAreRefused() {
        assertThatThrownBy(() -> new ShippingRule(Money.fen(-1), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShippingRule(Money.fen(100), Money.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
