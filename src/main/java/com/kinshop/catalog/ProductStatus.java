package com.kinshop.catalog;

/** DRAFT → PENDING_REVIEW → ON_SALE (or REJECTED); ON_SALE → OFF_SALE → PENDING_REVIEW again. */
public enum ProductStatus {
    DRAFT, PENDING_REVIEW, ON_SALE, REJECTED, OFF_SALE;

    /** A supplier may edit and resubmit only what is not on sale and not waiting for review. */
    public boolean editable() {
        return this == DRAFT || this == REJECTED || this == OFF_SALE;
    }
}
