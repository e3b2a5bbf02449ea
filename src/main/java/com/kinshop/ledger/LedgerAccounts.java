package com.kinshop.ledger;

/**
 * The accounts money moves through, named in one place. A payment lands in the provider's funds against platform
 * clearing; paid orders take it from clearing into their own escrow; a completed order splits its escrow into the
 * supplier's payable and platform revenue (and, with distribution, members' commission); refunds leave escrow through
 * clearing back to the provider. Clearing and escrow come back to zero once their business is done.
 */
public final class LedgerAccounts {

    public static final LedgerAccount PLATFORM_CLEARING = LedgerAccount.of("platform:clearing", AccountType.CLEARING);
    public static final LedgerAccount PLATFORM_REVENUE = LedgerAccount.of("platform:revenue", AccountType.REVENUE);
    /** What platform-funded discounts (platform coupons) cost the platform on the goods buyers kept. */
    public static final LedgerAccount PLATFORM_MARKETING = LedgerAccount.of("platform:marketing", AccountType.EXPENSE);

    private LedgerAccounts() {
    }

    /** Money held for the platform at a payment provider. */
    public static LedgerAccount providerFunds(String provider) {
        return LedgerAccount.of("provider:" + provider + ":funds", AccountType.ASSET);
    }

    /** What a paid order holds until it completes or is refunded. */
    public static LedgerAccount orderEscrow(long orderId) {
        return LedgerAccount.of("order:" + orderId + ":escrow", AccountType.CLEARING);
    }

    /** The same account, named by the order number for the operator (order:K2612061130001:escrow). */
    public static LedgerAccount orderEscrow(long orderId, String orderNumber) {
        return orderEscrow(orderId).withReference(orderNumber);
    }

    /** Commission a member will earn once the order completes (预估). Credit side: a member's money is a negative balance. */
    public static LedgerAccount memberEstimated(long memberId) {
        return LedgerAccount.of("member:" + memberId + ":commission:estimated", AccountType.LIABILITY);
    }

    /** Settled commission a member may withdraw; a clawback may overdraw it (a debt), a withdrawal may not. */
    public static LedgerAccount memberAvailable(long memberId) {
        return LedgerAccount.of("member:" + memberId + ":commission:available", AccountType.LIABILITY);
    }

    /** Withdrawals on their way to the member. */
    public static LedgerAccount memberWithdrawing(long memberId) {
        return LedgerAccount.of("member:" + memberId + ":commission:withdrawing", AccountType.LIABILITY);
    }

    /** What the platform owes a supplier for goods delivered. */
    public static LedgerAccount supplierPayable(long supplierId) {
        return LedgerAccount.of("supplier:" + supplierId + ":payable", AccountType.LIABILITY);
    }

    /**
     * A supplier's red-packet budgets, held out of its payable: what its campaigns promised and have not yet released
     * (unclaimed, or won and not yet spent or returned). Credit side, like the payable it came from.
     */
    public static LedgerAccount supplierRedPackets(long supplierId) {
        return LedgerAccount.of("supplier:" + supplierId + ":red-packets", AccountType.LIABILITY);
    }

    /**
     * A supplier's deposit (保证金): what the platform holds for it and owes back on exit (credit side, like its
     * payable). Deductions and the return post with {@code notOverdrawing}, so it never goes past zero.
     */
    public static LedgerAccount supplierDeposit(long supplierId) {
        return LedgerAccount.of("supplier:" + supplierId + ":deposit", AccountType.LIABILITY);
    }

    /** A deposit on its way back to the supplier (requested on exit, not yet paid out by the provider). */
    public static LedgerAccount supplierDepositReturning(long supplierId) {
        return LedgerAccount.of("supplier:" + supplierId + ":deposit:returning", AccountType.LIABILITY);
    }
}
