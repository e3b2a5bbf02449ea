/**
 * Payment: the provider port and its sandbox provider, verified and deduplicated notifications, refunds and payouts.
 * So far: the notification signature both sides use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment")
package com.kinshop.payment;
