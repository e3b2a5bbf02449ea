package com.kinshop.ledger;

import java.util.regex.Pattern;

/**
 * An account by its stable code, e.g. {@code platform:clearing}, {@code supplier:7:payable},
 * {@code member:42:commission:available}. Accounts that must never go below zero (a member's withdrawable balance)
 * say so; the ledger then refuses any posting that would take them there, atomically. A {@code reference} is how people
 * name what the account belongs to (an order's number for its escrow); it replaces the id in the account's name, is
 * stored when first given and never changes.
 */
public record LedgerAccount(String code, AccountType type, boolean mayGoNegative, String reference) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9_:.-]{3,120}");

    public LedgerAccount {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Invalid ledger account code: " + code);
        }
        if (type == null) {
            throw new IllegalArgumentException("Account type missing for " + code);
        }
    }

    public LedgerAccount(String code, AccountType type, boolean mayGoNegative) {
        this(code, type, mayGoNegative, null);
    }

    public LedgerAccount withReference(String reference) {
        return new LedgerAccount(code, type, mayGoNegative, reference);
    }

    public static LedgerAccount of(String code, AccountType type) {
        return new LedgerAccount(code, type, true);
    }

    public static LedgerAccount neverNegative(String code, AccountType type) {
        return new LedgerAccount(code, type, false);
    }
}
