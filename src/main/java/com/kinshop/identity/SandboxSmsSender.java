package com.kinshop.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * SANDBOX SMS adapter: sends nothing. The text goes to the log and to the dev inbox page ({@code /dev/sms}).
 * Only active with {@code kinshop.sms.sandbox=true}, which the {@code prod} profile turns off.
 */
@Component
@ConditionalOnBooleanProperty("kinshop.sms.sandbox")
class SandboxSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SandboxSmsSender.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    SandboxSmsSender(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(String phone, String text) {
        log.info("[SANDBOX SMS] to {}: {}", phone, text);
        jdbc.sql("insert into sandbox_sms (phone, body, created_at) values (?, ?, ?)")
                .params(phone, text, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    List<SandboxMessage> latest(int limit) {
        return jdbc.sql("select phone, body, created_at from sandbox_sms order by id desc limit ?")
                .param(limit)
                .query((rs, n) -> new SandboxMessage(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** One message; the page shows its time with {@code @displayTimes}. */
    record SandboxMessage(String phone, String body, Instant at) {
    }
}
