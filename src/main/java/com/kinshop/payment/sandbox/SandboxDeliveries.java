package com.kinshop.payment.sandbox;

import com.kinshop.payment.NotificationSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The sandbox's notification sender. Each delivery is claimed with {@code SKIP LOCKED}, signed at the moment it is
 * sent, and retried with growing pauses until the platform answers 2xx, as real providers do.
 */
@Component
@ConditionalOnProperty(name = "kinshop.payment.sandbox.enabled", havingValue = "true")
class SandboxDeliveries {

    private static final Logger log = LoggerFactory.getLogger(SandboxDeliveries.class);

    private final JdbcClient jdbc;
    private final SandboxProvider provider;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RestClient http;

    SandboxDeliveries(JdbcClient jdbc, SandboxProvider provider, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.provider = provider;
        this.transactions = transactions;
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Scheduled(fixedDelayString = "${kinshop.payment.sandbox.delivery-poll:500ms}")
    void deliverDue() {
        for (int sent = 0; sent < 50 && Boolean.TRUE.equals(transactions.execute(status -> deliverNext())); sent++) {
            // one delivery per transaction
        }
    }

    private boolean deliverNext() {
        record Due(long id, String eventId, String url, String body, int attempts) {
        }
        Optional<Due> due = jdbc.sql("""
                        select id, event_id, url, body, attempts from sandbox_delivery
                        where delivered_at is null and next_attempt_at <= ? order by next_attempt_at, id limit 1 for update skip locked""")
                .param(now()).query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5))).optional();
        if (due.isEmpty()) {
            return false;
        }
        Due delivery = due.get();
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        String outcome;
        boolean acknowledged;
        try {
            var response = http.post().uri(delivery.url()).contentType(MediaType.APPLICATION_JSON)
                    .header(SandboxProvider.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(SandboxProvider.SIGNATURE_HEADER, NotificationSignature.sign(provider.secret(), timestamp, body))
                    .body(body).retrieve().onStatus(status -> true, (request, reply) -> { }).toBodilessEntity();
            acknowledged = response.getStatusCode().is2xxSuccessful();
            outcome = "HTTP " + response.getStatusCode().value();
        } catch (RuntimeException e) {
            acknowledged = false;
            outcome = e.getClass().getSimpleName();
        }
        if (acknowledged) {
            jdbc.sql("update sandbox_delivery set delivered_at = ?, attempts = attempts + 1, last_status = ? where id = ?")
                    .params(now(), outcome, delivery.id()).update();
        } else {
            long pause = Math.min(300, 1L << Math.min(delivery.attempts(), 9));
            log.info("Sandbox notification {} not acknowledged ({}); retrying in {} s", delivery.eventId(), outcome, pause);
            jdbc.sql("update sandbox_delivery set attempts = attempts + 1, last_status = ?, next_attempt_at = ? where id = ?")
                    .params(outcome, now().plusSeconds(pause), delivery.id()).update();
        }
        return true;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
