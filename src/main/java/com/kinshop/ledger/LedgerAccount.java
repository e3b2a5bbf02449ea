package com.kinshop.ledger;

import java.util.regex.Pattern;

/**
 * An account by its stable code, e.g. {@code platform:clearing}, {@code supplier:7:payable},
 * {@code member:42:commission:available}. Accounts that must never go below zero (a member's withdrawable balance)
 * say so; the ledger then refuses any posting that would take them there, atomically.
 */
public record LedgerAccount(String code, AccountType type, boolean mayGoNegative) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9_:.-]{3,120}");

    public LedgerAccount {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Invalid ledger account code: " + code);
        }
        if (type == null) {
            throw new IllegalArgumentException("Account type missing for " + code);
        }
    }

    public static LedgerAccount of(String code, AccountType type) {
        return new LedgerAccount(code, type, true);
    }

    public static LedgerAccount neverNegative(String code, AccountType type) {
        return new LedgerAccount(code, type, false);
    }
}
