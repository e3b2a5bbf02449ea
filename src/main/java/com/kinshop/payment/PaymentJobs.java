package com.kinshop.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background work that keeps money moving: sends requested refunds (retried with backoff; the provider dedupes by
 * refund number) and asks the provider about payments still open after a while, in case a notification was lost.
 * Rows are claimed with {@code SKIP LOCKED}, so any number of nodes can run this at once.
 */
@Component
class PaymentJobs {

    private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

    private final Payments payments;
    private final Refunds refunds;

    PaymentJobs(Payments payments, Refunds refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @Scheduled(fixedDelayString = "${kinshop.payment.refund-poll:1s}", initialDelayString = "${kinshop.payment.refund-poll:1s}")
    void sendDueRefunds() {
        for (int sent = 0; sent < 100 && refunds.sendNextDueRefund(); sent++) {
            // one refund per transaction
        }
    }

    @Scheduled(fixedDelayString = "${kinshop.payment.recover-poll:30s}", initialDelayString = "${kinshop.payment.recover-poll:30s}")
    void recoverOpenPayments() {
        for (String number : payments.openPaymentsToRecover(100)) {
            try {
                payments.recover(number);
            } catch (RuntimeException e) {
                log.warn("Could not ask about payment {}: {}", number, e.toString());
            }
        }
    }
}
