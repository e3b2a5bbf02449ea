/**
 * Ordering: what a buyer needs to check out. So far the address book; cart, checkout split per supplier, orders and
 * their lifecycle, fulfilment and after-sales come next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ordering")
package com.kinshop.ordering;
