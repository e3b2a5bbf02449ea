package com.kinshop.shared;


import java.math.BigDecimal;

/**
 * Amounts as people type them into forms: yuan ("19.90") and percent ("15"). A typo is refused naming the field
 * ({@code form.amount.invalid}), never a 500.
 */
public final class FormAmounts {

    private FormAmounts() {
    }

    /** Fen of a typed yuan amount; blank means not given (null). */
    public static Long fen(String yuan, String field) {
        return yuan == null || yuan.isBlank() ? null : money(yuan, field).fen();
    }

    /** A typed yuan amount that must be there. */
    public static Money money(String yuan, String field) {
        try {
            return Money.yuan(yuan.strip());
        } catch (RuntimeException e) {
            throw BusinessException.invalid(field, "form.amount.invalid");
        }
    }

    /** Basis points of a typed percent ("15" → 1500); blank means not given (null). */
    public static Long basisPoints(String percent, String field) {
        if (percent == null || percent.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(percent.strip()).movePointRight(2).longValueExact();
        } catch (RuntimeException e) {
            throw BusinessException.invalid(field, "form.amount.invalid");
        }
    }
}
