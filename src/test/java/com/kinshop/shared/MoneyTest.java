package com.kinshop.shared;

import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void parsesYuanExactlyAndRefusesFractionsOfAFen() {
        assertThat(Money.yuan("12.34").fen()).isEqualTo(1234);
        assertThat(Money.yuan("0.1").fen()).isEqualTo(10);
        assertThatThrownBy(() -> Money.yuan("0.001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesRoundDownToTheFen() {
        assertThat(Money.fen(999).shareAt(1500).fen()).isEqualTo(149); // 149.85 -> 149
        assertThat(Money.fen(1).shareAt(9999).fen()).isZero();
        assertThat(Money.fen(10_000).shareAt(10_000).fen()).isEqualTo(10_000);
        assertThatThrownBy(() -> Money.fen(100).shareAt(10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmeticIsExactAndRefusesOverflowAndMixedCurrencies() {
        assertThat(Money.fen(150).plus(Money.fen(50)).minus(Money.fen(25)).times(3).fen()).isEqualTo(525);
        assertThatThrownBy(() -> Money.fen(Long.MAX_VALUE).plus(Money.fen(1))).isInstanceOf(ArithmeticException.class);
        Money dollars = new Money(100, Currency.getInstance("USD"));
        assertThatThrownBy(() -> Money.fen(100).plus(dollars)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsLikeAPriceTag() {
        assertThat(Money.fen(1999).toPlainString()).isEqualTo("19.99");
        assertThat(Money.fen(-5).toPlainString()).isEqualTo("-0.05");
        assertThat(Money.fen(100)).hasToString("¥1.00");
    }
}
