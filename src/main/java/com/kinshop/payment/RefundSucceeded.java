package com.kinshop.payment;

import com.kinshop.shared.Money;

/** A refund reached the payer (published once, in the transaction that records it). */
public record RefundSucceeded(String refundNumber, String paymentNumber, String reference, Money amount) {
}
