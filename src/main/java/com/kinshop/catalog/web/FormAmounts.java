package com.kinshop.catalog.web;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;

import java.math.BigDecimal;

/** Amounts as people type them into console forms: yuan ("19.90") and percent ("15"); blank means not given. */
final class FormAmounts {

    private FormAmounts() {
    }

    static Long fen(String yuan, String field) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            return Money.yuan(yuan).fen();
        } catch (RuntimeException e) {
            throw BusinessException.invalid(field, "form.amount.invalid");
        }
    }

    static Long basisPoints(String percent, String field) {
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
