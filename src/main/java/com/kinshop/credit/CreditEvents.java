package com.kinshop.credit;

import com.kinshop.catalog.SupplierId;

import java.time.Instant;

/** What happens to suppliers' credit, published in the transaction that recomputed it. */
public final class CreditEvents {

    private CreditEvents() {
    }

    /** A supplier's flag or campaign suspension changed (the operator and the supplier's staff are told). */
    public record StandingChanged(SupplierId supplier, int score, boolean flagged, boolean suspended, Instant at) {
    }
}
