package com.kinshop.ordering;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param paymentTimeout         an order not paid within this is cancelled and its units released
 * @param autoReceiveAfter       a shipped order counts as received this long after shipment
 * @param afterSalesWindow       after receipt, the buyer may ask for after-sales this long (7-day no-reason return)
 * @param receiptReminderBefore  the buyer is reminded this long before automatic receipt
 */
@ConfigurationProperties("kinshop.orders")
public record OrderProperties(Duration paymentTimeout, Duration autoReceiveAfter, Duration afterSalesWindow, Duration receiptReminderBefore) {
}
