package com.kinshop.payment;

import com.kinshop.identity.AccountId;
import com.kinshop.ledger.Journal;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.HaltBeforeCommit;
import com.kinshop.shared.BusinessNumbers;
import com.kinshop.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's side of payments. A notification changes something only if the provider vouches for it (signature
 * over the raw bytes, timestamp window), it is the first delivery of its event id (a primary key decides), it names
 * our merchant and the exact amount, and the payment is not already recorded as paid (a guarded update decides). Then,
 * in the same transaction, the money is posted to the ledger and {@link PaymentSucceeded} is published, so whoever owns
 * the reference changes with it or not at all.
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentProviders providers;
    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Environment environment;
    private final Clock clock;
    private final HaltBeforeCommit faultInjection;

    Payments(PaymentProviders providers, JdbcClient jdbc, Ledger ledger, ApplicationEventPublisher events, Environment environment, Clock clock,
             HaltBeforeCommit faultInjection) {
        this.providers = providers;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.events = events;
        this.environment = environment;
        this.clock = clock;
        this.faultInjection = faultInjection;
    }

    public record Started(String paymentNumber, String redirectUrl, Money amount) {
    }

    public record PaymentView(String number, String reference, PaymentStatus status, Money amount, Money refunded, String provider) {
    }

    /**
     * Opens a payment for {@code reference}, or hands back the one already open for the same amount. The caller
     * serializes starts per reference (the unique index on open payments backs it up).
     */
    @Transactional
    public Started start(String reference, AccountId payer, Money amount, String description, String returnPath) {
        PaymentProvider provider = providers.current();
        Optional<Started> open = jdbc.sql("select number, redirect_url, amount_fen from payment where reference = ? and status = 'CREATED' for update")
                .param(reference).query((rs, n) -> new Started(rs.getString(1), rs.getString(2), Money.fen(rs.getLong(3)))).optional();
        if (open.isPresent() && open.get().amount().equals(amount) && !endedAtProvider(open.get().paymentNumber())) {
            return open.get();
        }
        open.ifPresent(stale -> close(stale.paymentNumber()));
        String number = BusinessNumbers.next(jdbc, "P", clock.instant(), clock.getZone());
        String url = provider.create(number, amount, description, baseUrl() + "/api/payment/notifications/" + provider.name(), baseUrl() + returnPath);
        jdbc.sql("""
                        insert into payment (number, reference, payer_id, provider, amount_fen, status, redirect_url, created_at)
                        values (?, ?, ?, ?, ?, 'CREATED', ?, ?)""")
                .params(number, reference, payer.value(), provider.name(), amount.fen(), url, now()).update();
        return new Started(number, url, amount);
    }

    /** Closes every open payment of a reference whose business is gone (order cancelled); a paid one stays paid. */
    @Transactional
    public void closeOpen(String reference) {
        jdbc.sql("select number from payment where reference = ? and status = 'CREATED'").param(reference).query(String.class).list()
                .forEach(this::close);
    }

    private void close(String number) {
        PaymentProvider provider = providers.of(providerOf(number));
        if (provider.close(number)) {
            jdbc.sql("update payment set status = 'CLOSED', closed_at = ? where number = ? and status = 'CREATED'").params(now(), number).update();
        }
    }

    /** A notification as it arrived. Duplicates and repeats are acknowledged and change nothing. */
    @Transactional
    public void accept(String providerName, Map<String, String> headers, byte[] rawBody) {
        PaymentProvider provider = providers.notifying(providerName);
        PaymentProvider.Notification notification;
        try {
            notification = provider.verify(headers, rawBody);
        } catch (PaymentProvider.InvalidNotification e) {
            log.warn("Refused a {} notification: {}", providerName, e.getMessage());
            throw new BusinessException(HttpStatus.UNAUTHORIZED, "payment.notification.invalid", null);
        }
        if (!provider.merchantId().equals(notification.merchantId())) {
            log.warn("Refused a {} notification for merchant {}", providerName, notification.merchantId());
            throw BusinessException.invalid("merchant_id", "payment.notification.merchant");
        }
        int first = jdbc.sql("""
                        insert into payment_notification (provider, event_id, payment_number, kind, received_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(providerName, notification.eventId(), notification.outTradeNo(), notification.outcome().name(), now()).update();
        if (first == 0) {
            log.info("Duplicate {} notification {} acknowledged", providerName, notification.eventId());
            return;
        }
        Payment payment = lock(notification.outTradeNo(), providerName)
                .orElseThrow(() -> BusinessException.invalid("out_trade_no", "payment.notification.unknown"));
        if (notification.outcome() == PaymentProvider.Outcome.SUCCEEDED) {
            if (!notification.amount().equals(payment.amount())) {
                log.warn("Refused a {} notification for {}: amount {} instead of {}", providerName, payment.number(), notification.amount(),
                        payment.amount());
                throw BusinessException.invalid("amount_fen", "payment.notification.amount"); // named as in the notification, like out_trade_no
            }
            if (succeed(payment, notification.transactionId())) {
                faultInjection.arm(HaltBeforeCommit.PAYMENT_NOTIFICATION); // crash-recovery tests only; off unless configured
            }
        } else {
            jdbc.sql("update payment set status = ?, closed_at = ? where id = ? and status = 'CREATED'")
                    .params(notification.outcome().name(), now(), payment.id()).update();
        }
    }

    /** Asks the provider about an open payment (its notification may have been lost) and records what it says. */
    @Transactional
    public PaymentStatus recover(String number) {
        Payment payment = lock(number, null).orElseThrow(() -> BusinessException.notFound("payment.not-found"));
        if (payment.status() != PaymentStatus.CREATED) {
            return payment.status();
        }
        PaymentProvider.Status status = providers.of(payment.provider()).query(number);
        if (status.exists() && status.outcome() == PaymentProvider.Outcome.SUCCEEDED && payment.amount().equals(status.amount())) {
            succeed(payment, status.transactionId());
            return PaymentStatus.SUCCEEDED;
        }
        if (endedAtProvider(number)) {
            return PaymentStatus.valueOf(jdbc.sql("select status from payment where number = ?").param(number).query(String.class).single());
        }
        return payment.status();
    }

    /** Open payments of a reference (the order timers ask about each before giving an order up). */
    public List<String> openPayments(String reference) {
        return jdbc.sql("select number from payment where reference = ? and status = 'CREATED' order by id").param(reference).query(String.class).list();
    }

    /**
     * Whether the provider says an open payment failed or was closed (its notification may still be on the way); if so
     * it is recorded, so a new attempt can start at once and recovery stops asking.
     */
    private boolean endedAtProvider(String number) {
        PaymentProvider.Status status = providers.of(providerOf(number)).query(number);
        if (!status.exists() || status.outcome() == null || status.outcome() == PaymentProvider.Outcome.SUCCEEDED) {
            return false;
        }
        jdbc.sql("update payment set status = ?, closed_at = ? where number = ? and status = 'CREATED'").params(status.outcome().name(), now(), number).update();
        return true;
    }

    public record Payout(String provider, String providerPayoutId) {
    }

    /** Pays money out to a person (withdrawals) through the current provider; idempotent by {@code payoutNumber}. */
    public Payout payout(String payoutNumber, String payee, Money amount) {
        PaymentProvider provider = providers.current();
        return new Payout(provider.name(), provider.payout(payoutNumber, payee, amount));
    }

    /** Open payments old enough that their notification may have been lost, oldest first. */
    public List<String> openPaymentsToRecover(int limit) {
        return jdbc.sql("select number from payment where status = 'CREATED' and created_at <= ? order by created_at limit ?")
                .params(now().minus(providers.properties().recoverAfter()), limit).query(String.class).list();
    }

    public List<PaymentView> paymentsOf(String reference) {
        return jdbc.sql("""
                        select p.number, p.reference, p.status, p.amount_fen, p.provider,
                               (select coalesce(sum(r.amount_fen), 0) from refund r where r.payment_number = p.number and r.status = 'SUCCEEDED')
                        from payment p where p.reference = ? order by p.id""")
                .param(reference)
                .query((rs, n) -> new PaymentView(rs.getString(1), rs.getString(2), PaymentStatus.valueOf(rs.getString(3)),
                        Money.fen(rs.getLong(4)), Money.fen(rs.getLong(6)), rs.getString(5)))
                .list();
    }

    /** Records the money once; false if it was already recorded. */
    private boolean succeed(Payment payment, String transactionId) {
        int changed = jdbc.sql("update payment set status = 'SUCCEEDED', provider_txn = ?, succeeded_at = ? where id = ? and status <> 'SUCCEEDED'")
                .params(transactionId, now(), payment.id()).update();
        if (changed != 1) {
            return false;
        }
        ledger.post(Journal.builder("payment:" + payment.number(), "PAYMENT", payment.number(), payment.reference())
                .move(payment.amount(), LedgerAccounts.PLATFORM_CLEARING, LedgerAccounts.providerFunds(payment.provider()))
                .build());
        events.publishEvent(new PaymentSucceeded(payment.number(), payment.reference(), payment.amount(), clock.instant()));
        return true;
    }

    record Payment(long id, String number, String reference, String provider, Money amount, PaymentStatus status) {
    }

    /** The payment row, locked; {@code provider} null for any. */
    Optional<Payment> lock(String number, String provider) {
        return jdbc.sql("select id, number, reference, provider, amount_fen, status from payment where number = ? for update")
                .param(number)
                .query((rs, n) -> new Payment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Money.fen(rs.getLong(5)),
                        PaymentStatus.valueOf(rs.getString(6))))
                .optional().filter(p -> provider == null || p.provider().equals(provider));
    }

    private String providerOf(String number) {
        return jdbc.sql("select provider from payment where number = ?").param(number).query(String.class).single();
    }

    /** Where providers call back: the public URL, resolved per call (the port is known only once the server runs). */
    private String baseUrl() {
        return environment.getProperty("kinshop.public-url", "http://localhost:8080");
    }

    OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

}
