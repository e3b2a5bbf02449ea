package com.kinshop.credit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditScoreTest {

    private static final CreditRules RULES = CreditRules.DEFAULTS; // 50 ratings, 30 shipping, 20 after-sales; −8 per complaint, −5 per deduction

    private static CreditScore.Figures figures(long ratings, long starsEach, long paid, long shipped, long onTime, long refunds, long complaints,
                                               long deductions) {
        return new CreditScore.Figures(ratings, ratings * starsEach, ratings * starsEach, ratings * starsEach, paid, shipped, onTime, refunds,
                complaints, deductions, deductions * 10_000);
    }

    @Test
    void aSupplierWithNothingInTheWindowScoresThePriorAndFullMarksForTheRest() {
        var a = CreditScore.assess(CreditScore.Figures.NONE, 4.0, RULES);
        // ratings at the 4.0 prior: 50 × 0.75 = 37.5; shipping 30; after-sales 20 → 87.5, rounded half up
        assertThat(a.score()).isEqualTo(88);
        assertThat(a.level()).isEqualTo(CreditLevel.GOOD);
        assertThat(a.flagged()).isFalse();
        assertThat(a.suspended()).isFalse();
    }

    @Test
    void anExemplarySupplierIsExcellent() {
        var a = CreditScore.assess(figures(200, 5, 300, 300, 300, 3, 0, 0), 4.0, RULES);
        assertThat(a.level()).isEqualTo(CreditLevel.EXCELLENT);
        assertThat(a.score()).isBetween(90, 100);
        assertThat(a.parts()).extracting(CreditScore.Part::name).containsExactly("ratings", "shipping", "afterSales", "complaints", "deductions");
    }

    @Test
    void lateShippingRefundsComplaintsAndDeductionsTakePointsOff() {
        var a = CreditScore.assess(figures(40, 3, 100, 100, 50, 20, 2, 1), 4.0, RULES);
        // ratings: (20·4 + 40·3) / 60 = 3.333 → 50 × 0.5833 = 29.17; shipping 30 × 0.5 = 15; after-sales 20 × (1 − 0.2/0.5) = 12;
        // complaints −16; deductions −5 → 35.17
        assertThat(a.score()).isEqualTo(35);
        assertThat(a.level()).isEqualTo(CreditLevel.POOR);
        assertThat(a.flagged()).isTrue();
        assertThat(a.suspended()).isTrue();
        assertThat(a.parts().get(1).earned()).isEqualTo(15.0);
        assertThat(a.parts().get(1).missing()).isEqualTo(15.0);
        assertThat(a.parts().get(3).earned()).isEqualTo(-16.0);
    }

    @Test
    void theScoreStaysBetweenZeroAndAHundred() {
        assertThat(CreditScore.assess(figures(10, 1, 10, 10, 0, 10, 30, 30), 4.0, RULES).score()).isZero();
    }

    @Test
    void flagAndSuspendFollowTheThresholds() {
        var fair = CreditScore.assess(figures(40, 4, 100, 100, 70, 10, 1, 0), 4.0, RULES);
        // 37.5 + 21 + 16 − 8 = 66.5 → 67: fair, above the flag threshold of 60
        assertThat(fair.score()).isEqualTo(67);
        assertThat(fair.level()).isEqualTo(CreditLevel.FAIR);
        assertThat(fair.flagged()).isFalse();
        var stricter = new CreditRules(90, 48, 20, 50, 30, 20, 8, 5, 70, 40, 70);
        var flagged = CreditScore.assess(figures(40, 4, 100, 100, 70, 10, 1, 0), 4.0, stricter);
        assertThat(flagged.flagged()).isTrue();
        assertThat(flagged.suspended()).isFalse();
    }

    @Test
    void levelsHaveFixedBounds() {
        assertThat(CreditLevel.of(100)).isEqualTo(CreditLevel.EXCELLENT);
        assertThat(CreditLevel.of(90)).isEqualTo(CreditLevel.EXCELLENT);
        assertThat(CreditLevel.of(89)).isEqualTo(CreditLevel.GOOD);
        assertThat(CreditLevel.of(75)).isEqualTo(CreditLevel.GOOD);
        assertThat(CreditLevel.of(74)).isEqualTo(CreditLevel.FAIR);
        assertThat(CreditLevel.of(60)).isEqualTo(CreditLevel.FAIR);
        assertThat(CreditLevel.of(59)).isEqualTo(CreditLevel.POOR);
        assertThat(CreditLevel.of(0)).isEqualTo(CreditLevel.POOR);
    }

    @Test
    void ratesWithoutOrdersAreNeutral() {
        assertThat(CreditScore.Figures.NONE.shipOnTimeRate()).isEqualTo(1.0);
        assertThat(CreditScore.Figures.NONE.afterSalesRate()).isZero();
        assertThat(CreditScore.Figures.NONE.averageStars()).isZero();
    }
}
