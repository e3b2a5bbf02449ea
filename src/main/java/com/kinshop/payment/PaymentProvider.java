package com.kinshop.payment;

import com.kinshop.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the platform needs from a payment provider. Every call is keyed by a number the platform chose
 * ({@code outTradeNo}, {@code outRefundNo}, {@code outPayoutNo}), so a retried call can never pay, refund or pay out twice.
 * How WeChat Pay v3 and Alipay fit is described in the README ("Payment providers").
 */
public interface PaymentProvider {

    /** The provider's name in URLs and records, e.g. {@code sandbox}, {@code wechat}, {@code alipay}. */
    String name();

    /** The merchant this platform is at the provider; a notification for any other merchant is refused. */
    String merchantId();

    /** Opens a payment and says where to send the payer (a cashier page, an H5 URL, a prepay id wrapped in a URL). */
    String create(String outTradeNo, Money amount, String description, String notifyUrl, String returnUrl);

    /**
     * Checks a notification as received: signature over the raw bytes, timestamp window, then parses it.
     * Throws {@link InvalidNotification} for anything it cannot vouch for.
     */
    Notification verify(Map<String, String> headers, byte[] rawBody);

    /** Asks the provider directly (used when a notification may have been lost). */
    Status query(String outTradeNo);

    /** Stops a payment that must no longer be paid (order cancelled); false if it was paid meanwhile. */
    boolean close(String outTradeNo);

    /** Sends money back to the payer on the original path. Idempotent by {@code outRefundNo}. */
    String refund(String outRefundNo, String outTradeNo, Money amount, Money paymentTotal);

    /** Pays money out to a person (withdrawals). Idempotent by {@code outPayoutNo}; {@link Refused} when definitely not paid. */
    String payout(String outPayoutNo, String payee, Money amount);

    /** What the provider settled on a day (its bill): the source of truth the daily reconciliation compares with. */
    List<StatementLine> statement(LocalDate day);

    enum Outcome { SUCCEEDED, FAILED, CLOSED }

    record Notification(String eventId, String merchantId, String outTradeNo, String transactionId, Outcome outcome, Money amount) {
    }

    record Status(boolean exists, Outcome outcome, String transactionId, Money amount, Instant paidAt) {
    }

    record StatementLine(String kind, String outNo, String outTradeNo, Money amount, Instant at) {
    }

    /** The provider definitely refused a call (not a timeout or an unknown outcome): safe to give up on it. */
    class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }

    class InvalidNotification extends RuntimeException {
        public InvalidNotification(String reason) {
            super(reason);
        }
    }
}
