package com.kinshop.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import java.time.Duration;

/**
 * Sessions live in PostgreSQL (shared by every app node). Two tunings of Spring Session JDBC's SQL:
 * <ul>
 * <li>Two overlapping requests of one session that both add the same new attribute (a flash message on a
 * double-submitted form) would both INSERT it, and the second would fail on the primary key with a 500; an upsert
 * makes the later write win, as it would in memory.</li>
 * <li>Spring Session marks a session changed on every request only because its last-access time moved, and then
 * UPDATEs its row: a signed-in page view cost a row write (WAL, a dead tuple, a flush at commit). The row is now
 * rewritten only when something real changed (id, principal, timeout) or the stored last-access time is older than
 * {@code kinshop.session.touch-interval}; so a session may expire up to that interval early (1 minute of 7 days).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes() {
        return repository -> repository.setCreateSessionAttributeQuery("""
                INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                VALUES (?, ?, ?)
                ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES""");
    }

    /** Same parameters, in the same order, as Spring Session's own update; a no-op (no row written) when only the access time moved a little. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> touchSessionsAtMostEveryInterval(
            @Value("${kinshop.session.touch-interval:1m}") Duration touchInterval) {
        return repository -> repository.setUpdateSessionQuery(updateSessionQuery(touchInterval));
    }

    static String updateSessionQuery(Duration touchInterval) {
        return """
                UPDATE %%TABLE_NAME%% S
                SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL,
                    EXPIRY_TIME = V.EXPIRY_TIME, PRINCIPAL_NAME = V.PRINCIPAL_NAME
                FROM (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT), CAST(? AS VARCHAR(100)), CAST(? AS CHAR(36))))
                    AS V (SESSION_ID, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME, PRIMARY_ID)
                WHERE S.PRIMARY_ID = V.PRIMARY_ID
                  AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
                       OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
                       OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= %d)""".formatted(touchInterval.toMillis());
    }
}
