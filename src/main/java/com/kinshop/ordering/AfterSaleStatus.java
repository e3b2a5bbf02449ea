package com.kinshop.ordering;

import java.util.Set;

public enum AfterSaleStatus {
    REQUESTED, AWAITING_RETURN, RETURN_SHIPPED, REJECTED, ESCALATED, REFUNDING, REFUNDED, CLOSED, WITHDRAWN;

    /** Requests that still hold the order open (it cannot complete, the line cannot get a second request). */
    public static final Set<AfterSaleStatus> OPEN = Set.of(REQUESTED, AWAITING_RETURN, RETURN_SHIPPED, REJECTED, ESCALATED, REFUNDING);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
