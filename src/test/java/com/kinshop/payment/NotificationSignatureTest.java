package com.kinshop.payment;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static com.kinshop.payment.NotificationSignature.Verdict.BAD_SIGNATURE;
import static com.kinshop.payment.NotificationSignature.Verdict.EXPIRED;
import static com.kinshop.payment.NotificationSignature.Verdict.FROM_THE_FUTURE;
import static com.kinshop.payment.NotificationSignature.Verdict.MALFORMED;
import static com.kinshop.payment.NotificationSignature.Verdict.MISSING;
import static com.kinshop.payment.NotificationSignature.Verdict.VALID;
import static org.assertj.core.api.Assertions.assertThat;

/** RELIABILITY 16: forged, altered, expired, future-dated notifications are refused; only the exact bytes verify. */
class NotificationSignatureTest {

    private static final byte[] SECRET = "sandbox-merchant-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"eventId\":\"E1\",\"orderNo\":\"K1\",\"amountFen\":1990}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private static NotificationSignature.Verdict verify(String timestamp, String signature, byte[] body) {
        return NotificationSignature.verify(SECRET, timestamp, signature, body, NOW, WINDOW);
    }

    @Test
    void theExactBytesWithinTheWindowVerify() {
        long ts = NOW.getEpochSecond() - 30;
        assertThat(verify(String.valueOf(ts), NotificationSignature.sign(SECRET, ts, BODY), BODY)).isEqualTo(VALID);
    }

    @Test
    void anAlteredBodyOrTimestampOrAnotherSecretDoesNot() {
        long ts = NOW.getEpochSecond();
        String signature = NotificationSignature.sign(SECRET, ts, BODY);
        byte[] altered = new String(BODY, StandardCharsets.UTF_8).replace("1990", "1").getBytes(StandardCharsets.UTF_8);
        byte[] reformatted = new String(BODY, StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);

        assertThat(verify(String.valueOf(ts), signature, altered)).isEqualTo(BAD_SIGNATURE);
        assertThat(verify(String.valueOf(ts), signature, reformatted)).as("same JSON, other bytes").isEqualTo(BAD_SIGNATURE);
        assertThat(verify(String.valueOf(ts - 1), signature, BODY)).isEqualTo(BAD_SIGNATURE);
        assertThat(verify(String.valueOf(ts), NotificationSignature.sign("forger".getBytes(StandardCharsets.UTF_8), ts, BODY), BODY))
                .isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void oldAndFutureDatedNotificationsAreRefusedBothWays() {
        long old = NOW.minus(WINDOW).getEpochSecond() - 1;
        long future = NOW.plus(WINDOW).getEpochSecond() + 1;
        long edge = NOW.minus(WINDOW).getEpochSecond();
        assertThat(verify(String.valueOf(old), NotificationSignature.sign(SECRET, old, BODY), BODY)).isEqualTo(EXPIRED);
        assertThat(verify(String.valueOf(future), NotificationSignature.sign(SECRET, future, BODY), BODY)).isEqualTo(FROM_THE_FUTURE);
        assertThat(verify(String.valueOf(edge), NotificationSignature.sign(SECRET, edge, BODY), BODY)).isEqualTo(VALID);
    }

    @Test
    void missingOrMalformedHeadersAreNamedAsSuch() {
        long ts = NOW.getEpochSecond();
        assertThat(verify(null, "x", BODY)).isEqualTo(MISSING);
        assertThat(verify(String.valueOf(ts), null, BODY)).isEqualTo(MISSING);
        assertThat(verify("yesterday", NotificationSignature.sign(SECRET, ts, BODY), BODY)).isEqualTo(MALFORMED);
        assertThat(verify(String.valueOf(ts), "ZZ", BODY)).isEqualTo(MALFORMED);
    }
}
