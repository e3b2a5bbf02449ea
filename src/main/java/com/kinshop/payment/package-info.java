/**
 * Payment: the provider port and its sandbox provider, verified and deduplicated notifications, recovery of lost
 * notifications by asking the provider, refunds, payouts and daily reconciliation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment")
package com.kinshop.payment;
