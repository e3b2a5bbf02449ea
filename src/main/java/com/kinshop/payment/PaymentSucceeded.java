package com.kinshop.payment;

import com.kinshop.shared.Money;

import java.time.Instant;

/**
 * Money for {@code reference} arrived (published once per payment, in the transaction that records it). The
 * owner of the reference either accepts it or asks for it back with {@link Payments#refund}.
 */
public record PaymentSucceeded(String paymentNumber, String reference, Money amount, Instant paidAt) {
}
