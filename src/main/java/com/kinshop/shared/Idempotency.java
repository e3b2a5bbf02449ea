package com.kinshop.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} mechanism for money-moving endpoints. The first request with a key runs and its
 * response is stored in the same transaction; a concurrent duplicate waits on the key's row lock and then gets the
 * stored response; the same key with a different body is refused with 422. A failed request stores nothing, so it
 * can be retried with the same key.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** On an answer given again for a repeated key. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,100}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code action} once per (scope, key). {@code scope} names the caller and the endpoint, so two users
     * cannot collide on a key. A null key runs the action without protection (for endpoints where it is optional).
     */
    public ResponseEntity<?> execute(String scope, String key, Object requestBody, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return action.get();
        }
        requireValid(key);
        String requestHash = sha256(json.writeValueAsString(requestBody));
        return transactions.execute(status -> {
            int claimed = jdbc.sql("""
                            insert into idempotent_request (scope, idempotency_key, request_hash, response_status, created_at)
                            values (?, ?, ?, 0, ?) on conflict do nothing""")
                    .params(scope, key, requestHash, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                    .update();
            if (claimed == 0) {
                return replay(scope, key, requestHash);
            }
            ResponseEntity<?> response = action.get();
            jdbc.sql("update idempotent_request set response_status = ?, response_body = ? where scope = ? and idempotency_key = ?")
                    .params(response.getStatusCode().value(), response.hasBody() ? json.writeValueAsString(response.getBody()) : null, scope, key)
                    .update();
            return response;
        });
    }

    private ResponseEntity<?> replay(String scope, String key, String requestHash) {
        StoredResponse stored = jdbc.sql("select request_hash, response_status, response_body from idempotent_request where scope = ? and idempotency_key = ?")
                .params(scope, key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .single();
        if (!stored.requestHash().equals(requestHash)) {
            throw new BusinessException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key.reused", HEADER);
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status()).header(REPLAYED, "true");
        return stored.body() == null ? builder.build() : builder.contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    /** Refuses a key outside 8–100 of {@code A-Z a-z 0-9 _ . : -} (400 naming the header); for endpoints that keep keys their own way. */
    public static void requireValid(String key) {
        if (!VALID_KEY.matcher(key).matches()) {
            throw BusinessException.invalid(HEADER, "idempotency.key.invalid");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredResponse(String requestHash, int status, String body) {
    }
}
