package com.kinshop.payment.sandbox;

import com.kinshop.payment.NotificationSignature;
import com.kinshop.payment.PaymentProperties;
import com.kinshop.payment.PaymentProvider;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payment provider that runs inside the platform, so the whole money path works with no outside account. It keeps
 * its own books (sandbox_* tables), shows its own cashier page, and tells the platform what happened the way real
 * providers do: signed HTTP callbacks, retried until acknowledged, with deliberate duplicates.
 */
@Component
@ConditionalOnProperty(name = "kinshop.payment.sandbox.enabled", havingValue = "true")
class SandboxProvider implements PaymentProvider {

    static final String NAME = "sandbox";
    static final String TIMESTAMP_HEADER = "sandbox-timestamp";
    static final String SIGNATURE_HEADER = "sandbox-signature";

    private final JdbcClient jdbc;
    private final PaymentProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SandboxProvider(JdbcClient jdbc, PaymentProperties properties, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String merchantId() {
        return properties.sandbox().merchantId();
    }

    @Override
    public String create(String outTradeNo, Money amount, String description, String notifyUrl, String returnUrl) {
        String id = id("SBP");
        jdbc.sql("""
                        insert into sandbox_payment (id, merchant_id, out_trade_no, amount_fen, description, status, notify_url, return_url, created_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?) on conflict (out_trade_no) do nothing""")
                .params(id, merchantId(), outTradeNo, amount.fen(), abbreviate(description), notifyUrl, returnUrl, now()).update();
        String stored = jdbc.sql("select id from sandbox_payment where out_trade_no = ?").param(outTradeNo).query(String.class).single();
        return "/sandbox/pay/" + stored;
    }

    @Override
    public Notification verify(Map<String, String> headers, byte[] rawBody) {
        NotificationSignature.Verdict verdict = NotificationSignature.verify(secret(), headers.get(TIMESTAMP_HEADER), headers.get(SIGNATURE_HEADER),
                rawBody, clock.instant(), properties.notificationWindow());
        if (verdict != NotificationSignature.Verdict.VALID) {
            throw new InvalidNotification(verdict.name());
        }
        try {
            JsonNode body = json.readTree(rawBody);
            return new Notification(text(body, "event_id"), text(body, "merchant_id"), text(body, "out_trade_no"), body.path("transaction_id").asString(null),
                    Outcome.valueOf(text(body, "outcome")), Money.fen(body.required("amount_fen").asLong()));
        } catch (RuntimeException e) {
            throw new InvalidNotification("unreadable body: " + e.getMessage());
        }
    }

    @Override
    public Status query(String outTradeNo) {
        return jdbc.sql("select id, status, amount_fen, paid_at from sandbox_payment where out_trade_no = ?").param(outTradeNo)
                .query((rs, n) -> new Status(true, outcome(rs.getString(2)), rs.getString(1), Money.fen(rs.getLong(3)),
                        rs.getObject(4, OffsetDateTime.class) == null ? null : rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional().orElse(new Status(false, null, null, null, null));
    }

    @Override
    public boolean close(String outTradeNo) {
        String status = jdbc.sql("""
                        update sandbox_payment set status = case when status = 'OPEN' then 'CLOSED' else status end
                        where out_trade_no = ? returning status""")
                .param(outTradeNo).query(String.class).optional().orElse("CLOSED");
        return !"PAID".equals(status);
    }

    @Override
    public String refund(String outRefundNo, String outTradeNo, Money amount, Money paymentTotal) {
        long paid = jdbc.sql("select amount_fen from sandbox_payment where out_trade_no = ? and status = 'PAID' for update").param(outTradeNo)
                .query(Long.class).optional().orElseThrow(() -> new IllegalStateException("Sandbox: payment " + outTradeNo + " is not paid"));
        String existing = jdbc.sql("select id from sandbox_refund where out_refund_no = ?").param(outRefundNo).query(String.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        long refunded = jdbc.sql("select coalesce(sum(amount_fen), 0) from sandbox_refund where out_trade_no = ?").param(outTradeNo)
                .query(Long.class).single();
        if (refunded + amount.fen() > paid) {
            throw new IllegalStateException("Sandbox: refunds would exceed payment " + outTradeNo);
        }
        String id = id("SBR");
        jdbc.sql("insert into sandbox_refund (id, out_refund_no, out_trade_no, amount_fen, created_at) values (?, ?, ?, ?, ?)")
                .params(id, outRefundNo, outTradeNo, amount.fen(), now()).update();
        return id;
    }

    @Override
    public String payout(String outPayoutNo, String payee, Money amount) {
        if (payee == null || payee.isBlank() || !amount.isPositive()) {
            throw new Refused("Sandbox: no payee or nothing to pay");
        }
        jdbc.sql("insert into sandbox_payout (id, out_payout_no, payee, amount_fen, created_at) values (?, ?, ?, ?, ?) on conflict (out_payout_no) do nothing")
                .params(id("SBO"), outPayoutNo, payee, amount.fen(), now()).update();
        return jdbc.sql("select id from sandbox_payout where out_payout_no = ?").param(outPayoutNo).query(String.class).single();
    }

    @Override
    public List<StatementLine> statement(LocalDate day) {
        ZoneId zone = clock.getZone();
        OffsetDateTime from = day.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<StatementLine> lines = new ArrayList<>(jdbc.sql("""
                        select out_trade_no, amount_fen, paid_at from sandbox_payment where status = 'PAID' and paid_at >= ? and paid_at < ?""")
                .params(from, to)
                .query((rs, n) -> new StatementLine("PAYMENT", rs.getString(1), rs.getString(1), Money.fen(rs.getLong(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list());
        lines.addAll(jdbc.sql("select out_refund_no, out_trade_no, amount_fen, created_at from sandbox_refund where created_at >= ? and created_at < ?")
                .params(from, to)
                .query((rs, n) -> new StatementLine("REFUND", rs.getString(1), rs.getString(2), Money.fen(rs.getLong(3)),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list());
        return lines;
    }

    /** The body of a notification, as the sandbox sends it (and signs it at each delivery). */
    byte[] notificationBody(String eventId, String outTradeNo, String transactionId, Outcome outcome, long amountFen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", eventId);
        body.put("merchant_id", merchantId());
        body.put("out_trade_no", outTradeNo);
        body.put("transaction_id", transactionId);
        body.put("outcome", outcome.name());
        body.put("amount_fen", amountFen);
        return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    byte[] secret() {
        return properties.sandbox().secret().getBytes(StandardCharsets.UTF_8);
    }

    String id(String prefix) {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes).toUpperCase();
    }

    private static Outcome outcome(String sandboxStatus) {
        return switch (sandboxStatus) {
            case "PAID" -> Outcome.SUCCEEDED;
            case "FAILED" -> Outcome.FAILED;
            case "CLOSED" -> Outcome.CLOSED;
            default -> null;
        };
    }

    private static String text(JsonNode body, String field) {
        String value = body.required(field).asString();
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " is blank");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    static void requireOpen(String status) {
        if (!"OPEN".equals(status)) {
            throw BusinessException.conflict(null, "sandbox.payment.not-open");
        }
    }
}
