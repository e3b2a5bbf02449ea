package com.kinshop.identity;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import io.github.bucket4j.Bandwidth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Six-digit one-time codes: stored as an HMAC, valid for a few minutes, a limited number of tries, consumed at most
 * once (a guarded update decides between two simultaneous correct tries). Tries are counted with an atomic counter
 * per code before comparing, so parallel guesses cannot get past the limit, and a wrong guess needs no transaction
 * of its own. The counters are {@link RateLimitBuckets} (one per code, never refilled while the code lives): in this
 * node's memory, or in Redis when several nodes must share one limit.
 */
@Component
class OneTimeCodes {

    private static final String FIELD = "code";
    private final SecureRandom random = new SecureRandom();
    private final byte[] secret = new byte[32];
    private final JdbcClient jdbc;
    private final IdentityProperties settings;
    private final RateLimitBuckets tries;
    private final Bandwidth triesPerCode;
    private final Clock clock;

    /**
     * {@code sharedSecret} ({@code kinshop.identity.code-secret}) keys the codes' HMAC: every node must have the same,
     * or a code sent through one node fails on the next. Unset, a single node keys them with random bytes of its own.
     */
    OneTimeCodes(JdbcClient jdbc, IdentityProperties settings, RateLimitBuckets tries, Clock clock,
                 @org.springframework.beans.factory.annotation.Value("${kinshop.identity.code-secret:}") String sharedSecret) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.tries = tries;
        // refilled only after the code has long expired, so its tries never come back while it can be used
        this.triesPerCode = Bandwidth.builder().capacity(settings.codeMaxAttempts())
                .refillIntervally(settings.codeMaxAttempts(), settings.codeTtl().multipliedBy(2)).build();
        this.clock = clock;
        if (sharedSecret.isBlank()) {
            random.nextBytes(secret);
        } else {
            System.arraycopy(sha256(sharedSecret), 0, secret, 0, secret.length);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issues a new code, refusing when the previous one for this phone and purpose is too recent. */
    String issue(String phone, CodePurpose purpose) {
        Instant now = clock.instant();
        OffsetDateTime lastIssued = jdbc.sql("select max(created_at) from one_time_code where phone = ? and purpose = ?")
                .params(phone, purpose.name())
                .query(OffsetDateTime.class).optional().orElse(null);
        if (lastIssued != null) {
            Duration since = Duration.between(lastIssued.toInstant(), now);
            if (since.compareTo(settings.codeResendInterval()) < 0) {
                throw new TooManyRequestsException("code.resend-too-soon", settings.codeResendInterval().minus(since));
            }
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        jdbc.sql("insert into one_time_code (phone, purpose, code_hash, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(phone, purpose.name(), hash(phone, purpose, code), utc(now), utc(now.plus(settings.codeTtl())))
                .update();
        return code;
    }

    /** Consumes the latest code for this phone and purpose if {@code code} matches it; otherwise says why not. */
    void consume(String phone, CodePurpose purpose, String code) {
        Instant now = clock.instant();
        IssuedCode latest = jdbc.sql("""
                        select id, code_hash, expires_at, consumed_at from one_time_code
                        where phone = ? and purpose = ? order by created_at desc, id desc limit 1""")
                .params(phone, purpose.name())
                .query((rs, n) -> new IssuedCode(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class) != null))
                .optional()
                .orElseThrow(() -> BusinessException.invalid(FIELD, "code.missing"));
        if (latest.consumed()) {
            throw BusinessException.invalid(FIELD, "code.used");
        }
        if (!now.isBefore(latest.expiresAt())) {
            throw BusinessException.invalid(FIELD, "code.expired");
        }
        if (!tries.bucket("code-tries:" + latest.id(), triesPerCode).tryConsume(1)) {
            throw BusinessException.invalid(FIELD, "code.too-many-attempts");
        }
        if (!latest.hash().equals(hash(phone, purpose, code == null ? "" : code.trim()))) {
            throw BusinessException.invalid(FIELD, "code.wrong");
        }
        int consumed = jdbc.sql("update one_time_code set consumed_at = ? where id = ? and consumed_at is null")
                .params(utc(now), latest.id())
                .update();
        if (consumed != 1) {
            throw BusinessException.invalid(FIELD, "code.used");
        }
    }

    private String hash(String phone, CodePurpose purpose, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + phone + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record IssuedCode(long id, String hash, Instant expiresAt, boolean consumed) {
    }
}
