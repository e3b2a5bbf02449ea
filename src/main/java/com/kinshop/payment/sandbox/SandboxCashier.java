package com.kinshop.payment.sandbox;

import com.kinshop.payment.PaymentProperties;
import com.kinshop.payment.PaymentProvider.Outcome;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What a payer does on the sandbox's cashier page: pay, fail, or close. Each is a guarded change of the sandbox's own
 * record (a payment is paid at most once) and queues the notification for {@link SandboxDeliveries}, plus the
 * configured number of duplicates.
 */
@Service
@ConditionalOnProperty(name = "kinshop.payment.sandbox.enabled", havingValue = "true")
class SandboxCashier implements com.kinshop.payment.SandboxPayer {

    record Bill(String id, String merchantId, String outTradeNo, Money amount, String description, String status, String returnUrl) {
    }

    private final SandboxProvider provider;
    private final JdbcClient jdbc;
    private final PaymentProperties properties;
    private final Clock clock;

    SandboxCashier(SandboxProvider provider, JdbcClient jdbc, PaymentProperties properties, Clock clock) {
        this.provider = provider;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    Bill bill(String id) {
        return jdbc.sql("select id, merchant_id, out_trade_no, amount_fen, description, status, return_url from sandbox_payment where id = ?")
                .param(id)
                .query((rs, n) -> new Bill(rs.getString(1), rs.getString(2), rs.getString(3), Money.fen(rs.getLong(4)), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .optional().orElseThrow(() -> BusinessException.notFound("sandbox.payment.not-found"));
    }

    @Transactional
    public Bill settle(String id, Outcome outcome) {
        String status = switch (outcome) {
            case SUCCEEDED -> "PAID";
            case FAILED -> "FAILED";
            case CLOSED -> "CLOSED";
        };
        int changed = jdbc.sql("update sandbox_payment set status = ?, paid_at = case when ? = 'PAID' then ? else paid_at end where id = ? and status = 'OPEN'")
                .params(status, status, now(), id).update();
        Bill bill = bill(id);
        if (changed == 0) {
            SandboxProvider.requireOpen(bill.status());
        }
        String eventId = provider.id("EVT");
        byte[] body = provider.notificationBody(eventId, bill.outTradeNo(), bill.id(), outcome, bill.amount().fen());
        String url = jdbc.sql("select notify_url from sandbox_payment where id = ?").param(id).query(String.class).single();
        for (int copy = 0; copy <= Math.max(0, properties.sandbox().duplicateDeliveries()); copy++) {
            jdbc.sql("insert into sandbox_delivery (event_id, url, body, next_attempt_at) values (?, ?, ?, ?)")
                    .params(eventId, url, new String(body, StandardCharsets.UTF_8), now().plusSeconds(copy)).update();
        }
        return bill;
    }

    @Override
    @Transactional
    public void pay(String paymentNumber) {
        String id = jdbc.sql("select id from sandbox_payment where out_trade_no = ?").param(paymentNumber).query(String.class).single();
        settle(id, Outcome.SUCCEEDED);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
