package com.kinshop.catalog;

/** Onboarding state of a supplier. Only APPROVED suppliers' products can be sold. */
public enum SupplierStatus {
    PENDING, APPROVED, REJECTED, SUSPENDED
}
