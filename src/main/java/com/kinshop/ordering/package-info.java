/**
 * Ordering: the address book, the cart, checkout split into one order per supplier, paying for a checkout, the order
 * lifecycle and its timers, drop-ship fulfilment, after-sales with disputes, and each order's postings on the ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ordering")
package com.kinshop.ordering;
