package com.kinshop.payment;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Signs and verifies payment notifications the way WeChat Pay v3 and Alipay do in spirit: HMAC-SHA256 over
 * {@code "{epoch seconds}.{raw body}"}, hex-encoded. Verification works on the raw bytes as received (never on a
 * re-serialized body), compares in constant time, and accepts a timestamp only within a window both ways, so a
 * replayed old notification and a future-dated one are both refused. Plain Java: no Spring, no I/O.
 */
public final class NotificationSignature {

    public enum Verdict { VALID, MISSING, MALFORMED, EXPIRED, FROM_THE_FUTURE, BAD_SIGNATURE }

    private NotificationSignature() {
    }

    public static String sign(byte[] secret, long epochSeconds, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Verdict verify(byte[] secret, String timestampHeader, String signatureHeader, byte[] rawBody, Instant now, Duration window) {
        if (timestampHeader == null || signatureHeader == null || rawBody == null) {
            return Verdict.MISSING;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        if (!signatureHeader.trim().matches("[0-9a-f]{64}")) {
            return Verdict.MALFORMED;
        }
        long age = now.getEpochSecond() - timestamp;
        if (age > window.toSeconds()) {
            return Verdict.EXPIRED;
        }
        if (-age > window.toSeconds()) {
            return Verdict.FROM_THE_FUTURE;
        }
        byte[] expected = sign(secret, timestamp, rawBody).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }
}
