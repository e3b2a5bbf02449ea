package com.kinshop.deposit;

import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;

import java.time.Instant;

/** What happens to supplier deposits (保证金), published in the transaction that posted it. */
public final class DepositEvents {

    private DepositEvents() {
    }

    /** A penalty was taken from the deposit for an upheld complaint. */
    public record DepositDeducted(SupplierId supplier, Money amount, String complaintNumber, Instant at) {
    }
}
