package com.kinshop.coupon;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CouponTermsTest {

    @Test
    void amountOffTakesItsAmountOnceTheThresholdIsReached() {
        CouponTerms terms = CouponTerms.amountOff(Money.fen(1000), Money.fen(9900)).validated();
        assertThat(terms.reached(Money.fen(9899))).isFalse();
        assertThat(terms.reached(Money.fen(9900))).isTrue();
        assertThat(terms.saving(Money.fen(9900))).isEqualTo(Money.fen(1000));
        assertThat(terms.saving(Money.fen(50_000))).isEqualTo(Money.fen(1000));
    }

    @Test
    void percentOffIsRoundedDownAndCapped() {
        CouponTerms terms = CouponTerms.percentOff(15, Money.fen(2000), Money.ZERO).validated();
        assertThat(terms.saving(Money.fen(999))).as("15% of 9.99 = 1.4985, rounded down").isEqualTo(Money.fen(149));
        assertThat(terms.saving(Money.fen(10_000))).isEqualTo(Money.fen(1500));
        assertThat(terms.saving(Money.fen(20_000))).as("capped").isEqualTo(Money.fen(2000));
    }

    @Test
    void noThresholdAppliesToAnyAmountButNeverMakesTheLinesFree() {
        CouponTerms terms = CouponTerms.noThreshold(Money.fen(500)).validated();
        assertThat(terms.reached(Money.fen(1))).isTrue();
        assertThat(terms.saving(Money.fen(501))).isEqualTo(Money.fen(500));
        assertThat(terms.saving(Money.fen(500))).as("at most eligible - 1 fen").isEqualTo(Money.fen(499));
        assertThat(terms.saving(Money.fen(2))).isEqualTo(Money.fen(1));
        assertThat(terms.saving(Money.fen(1))).isEqualTo(Money.ZERO);
        assertThat(CouponTerms.percentOff(99, Money.fen(100_000), Money.ZERO).saving(Money.fen(100))).isEqualTo(Money.fen(99));
    }

    @Test
    void badTermsAreRefusedNamingTheField() {
        assertRefused(CouponTerms.percentOff(0, Money.fen(100), Money.ZERO), "percentOff", "coupon.percent.range");
        assertRefused(CouponTerms.percentOff(100, Money.fen(100), Money.ZERO), "percentOff", "coupon.percent.range");
        assertRefused(CouponTerms.percentOff(10, Money.ZERO, Money.ZERO), "cap", "coupon.cap.positive");
        assertRefused(CouponTerms.amountOff(Money.ZERO, Money.fen(100)), "amount", "coupon.amount.positive");
        assertRefused(CouponTerms.amountOff(Money.fen(-5), Money.fen(100)), "amount", "coupon.amount.positive");
        assertRefused(CouponTerms.amountOff(Money.fen(1000), Money.fen(1000)), "threshold", "coupon.threshold.above-amount");
        assertRefused(CouponTerms.noThreshold(null), "amount", "coupon.amount.positive");
        assertRefused(new CouponTerms(CouponKind.NO_THRESHOLD, Money.fen(100), Money.fen(5), null, null), "threshold", "coupon.threshold.none");
        assertRefused(new CouponTerms(null, Money.fen(100), null, null, null), "kind", "coupon.kind.required");
    }

    @Test
    void validatedTermsKeepOnlyTheFieldsOfTheirKind() {
        CouponTerms terms = new CouponTerms(CouponKind.PERCENT_OFF, Money.fen(300), Money.ZERO, 20, Money.fen(500)).validated();
        assertThat(terms.amount()).isNull();
        assertThat(new CouponTerms(CouponKind.AMOUNT_OFF, Money.fen(300), Money.fen(1000), 20, Money.fen(500)).validated().percentOff()).isNull();
    }

    private static void assertRefused(CouponTerms terms, String field, String key) {
        assertThatThrownBy(terms::validated).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }
}
