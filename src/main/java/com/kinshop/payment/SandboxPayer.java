package com.kinshop.payment;

/**
 * Presses "pay" on the sandbox cashier without a browser, for demo data. Exists only while the sandbox provider is on;
 * the payment is then recorded the normal way (notification or {@link Payments#recover}).
 */
public interface SandboxPayer {

    void pay(String paymentNumber);
}
