package com.kinshop.payment;

import com.kinshop.ledger.Journal;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Money back on the original path: asked for once per refund number (within what the payment brought in), then sent
 * by {@link PaymentJobs} with growing pauses until the provider takes it, posted to the ledger and announced with
 * {@link RefundSucceeded}.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final Payments payments;
    private final PaymentProviders providers;
    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;

    Refunds(Payments payments, PaymentProviders providers, JdbcClient jdbc, Ledger ledger, ApplicationEventPublisher events) {
        this.payments = payments;
        this.providers = providers;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.events = events;
    }

    /**
     * Asks for money back on the original path. Idempotent by {@code refundNumber}: asking again with the same number
     * and amount changes nothing. Refused beyond what the payment brought in.
     */
    @Transactional
    public void refund(String refundNumber, String paymentNumber, Money amount, String reason) {
        if (!amount.isPositive()) {
            throw BusinessException.invalid("amount", "refund.amount.positive");
        }
        Payments.Payment payment = payments.lock(paymentNumber, null).orElseThrow(() -> BusinessException.notFound("payment.not-found"));
        if (payment.status() != PaymentStatus.SUCCEEDED) {
            throw BusinessException.conflict(null, "refund.payment-not-paid");
        }
        Optional<Money> existing = refundAmount(refundNumber);
        if (existing.isPresent()) {
            if (!existing.get().equals(amount)) {
                throw BusinessException.conflict(null, "refund.number-reused");
            }
            return;
        }
        long refunded = refundedFen(paymentNumber);
        if (refunded + amount.fen() > payment.amount().fen()) {
            throw BusinessException.conflict("amount", "refund.exceeds-payment", Money.fen(payment.amount().fen() - refunded).toPlainString());
        }
        jdbc.sql("""
                        insert into refund (number, payment_number, amount_fen, reason, status, next_attempt_at, created_at)
                        values (?, ?, ?, ?, 'REQUESTED', ?, ?)""")
                .params(refundNumber, paymentNumber, amount.fen(), reason, payments.now(), payments.now()).update();
    }

    /** Sends one due refund to its provider; called by {@link PaymentJobs} in its own transaction per refund. */
    @Transactional
    public boolean sendNextDueRefund() {
        record Due(long id, String number, String paymentNumber, long amountFen, int attempts) {
        }
        Optional<Due> due = jdbc.sql("""
                        select id, number, payment_number, amount_fen, attempts from refund
                        where status = 'REQUESTED' and next_attempt_at <= ? order by next_attempt_at limit 1 for update skip locked""")
                .param(payments.now()).query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5))).optional();
        if (due.isEmpty()) {
            return false;
        }
        Due refund = due.get();
        Payments.Payment payment = payments.lock(refund.paymentNumber(), null).orElseThrow();
        PaymentProvider provider = providers.of(payment.provider());
        try {
            String providerRefund = provider.refund(refund.number(), payment.number(), Money.fen(refund.amountFen()), payment.amount());
            jdbc.sql("update refund set status = 'SUCCEEDED', provider_refund_id = ?, succeeded_at = ?, attempts = attempts + 1 where id = ?")
                    .params(providerRefund, payments.now(), refund.id()).update();
            ledger.post(Journal.builder("refund:" + refund.number(), "REFUND", refund.number(), payment.number())
                    .move(Money.fen(refund.amountFen()), LedgerAccounts.providerFunds(provider.name()), LedgerAccounts.PLATFORM_CLEARING)
                    .build());
            events.publishEvent(new RefundSucceeded(refund.number(), payment.number(), payment.reference(), Money.fen(refund.amountFen())));
        } catch (RuntimeException e) {
            log.warn("Refund {} failed (attempt {}), will retry: {}", refund.number(), refund.attempts() + 1, e.toString());
            long backoffSeconds = Math.min(3600, 5L << Math.min(refund.attempts(), 10));
            jdbc.sql("update refund set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
                    .params(abbreviate(e.toString()), payments.now().plusSeconds(backoffSeconds), refund.id()).update();
        }
        return true;
    }

    /** The amount asked for under a refund number, if one was asked for (sent or not). */
    public Optional<Money> refundAmount(String refundNumber) {
        return jdbc.sql("select amount_fen from refund where number = ?").param(refundNumber).query(Long.class).optional().map(Money::fen);
    }

    private long refundedFen(String paymentNumber) {
        return jdbc.sql("select coalesce(sum(amount_fen), 0) from refund where payment_number = ?").param(paymentNumber).query(Long.class).single();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
