package com.kinshop.catalog;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.Money;

import java.time.Instant;
import java.util.List;

/** A supplier as consoles show it. */
public record SupplierView(SupplierId id, String name, String contactName, String contactPhone, String licenceNo, Money deposit,
                           SupplierStatus status, String reviewReason, AccountId applicant, List<String> categories, Instant createdAt) {
}
