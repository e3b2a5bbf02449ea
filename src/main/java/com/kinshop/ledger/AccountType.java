package com.kinshop.ledger;

/**
 * The kind of a ledger account. Amounts are signed: debits positive, credits negative, so every journal sums to zero.
 * CLEARING accounts (payment clearing, an order's escrow) must come back to zero once their business is done.
 */
public enum AccountType {
    ASSET, LIABILITY, REVENUE, EXPENSE, CLEARING;

    /** Accounts that hold what is owed or earned carry credit (negative) balances; a balance above zero is overdrawn. */
    public boolean creditSide() {
        return this == LIABILITY || this == REVENUE;
    }
}
