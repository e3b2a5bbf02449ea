package com.kinshop.credit;

/** The level buyers see for a credit score (信用等级): 优秀 ≥ 90, 良好 ≥ 75, 一般 ≥ 60, 较差 below. */
public enum CreditLevel {
    EXCELLENT(90), GOOD(75), FAIR(60), POOR(0);

    private final int from;

    CreditLevel(int from) {
        this.from = from;
    }

    public int from() {
        return from;
    }

    public static CreditLevel of(int score) {
        for (CreditLevel level : values()) {
            if (score >= level.from) {
                return level;
            }
        }
        return POOR;
    }
}
