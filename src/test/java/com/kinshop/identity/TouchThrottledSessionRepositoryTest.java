package com.kinshop.identity;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class TouchThrottledSessionRepositoryTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void touchesOnlyOnceTheStoredAccessTimeIsAnIntervalOld() {
        Instant stored = Instant.parse("2026-12-06T10:00:00Z");
        Duration week = Duration.ofDays(7);
        assertThat(TouchThrottledSessionRepository.shouldTouch(stored, stored.plusSeconds(59), MINUTE, week)).isFalse();
        assertThat(TouchThrottledSessionRepository.shouldTouch(stored, stored.plusSeconds(60), MINUTE, week)).isTrue();
        assertThat(TouchThrottledSessionRepository.shouldTouch(stored, stored.minusSeconds(5), MINUTE, week)).isFalse();
    }

    @Test
    void aShortSessionIsTouchedAfterATwentiethOfItsTimeoutWhateverTheInterval() {
        Instant stored = Instant.parse("2026-12-06T10:00:00Z");
        Duration hour = Duration.ofHours(1);
        Duration halfAnHour = Duration.ofMinutes(30);
        assertThat(TouchThrottledSessionRepository.shouldTouch(stored, stored.plusSeconds(89), hour, halfAnHour)).isFalse();
        assertThat(TouchThrottledSessionRepository.shouldTouch(stored, stored.plusSeconds(90), hour, halfAnHour)).isTrue();
        assertThat(TouchThrottledSessionRepository.shouldTouch(stored, stored.plusSeconds(3599), hour, Duration.ofDays(7))).isFalse();
        assertThat(TouchThrottledSessionRepository.shouldTouch(stored, stored.plusSeconds(3600), hour, Duration.ofDays(7))).isTrue();
        assertThat(TouchThrottledSessionRepository.shouldTouch(stored, stored.plusSeconds(3600), hour, Duration.ZERO)).isTrue(); // no timeout: the interval
    }

    @Test
    void aReadSessionKeepsItsStoredAccessTimeUntilTheIntervalHasPassedButTakesEveryOtherChange() {
        MapSession inStore = new MapSession("s-1");
        Instant stored = inStore.getLastAccessedTime();
        var backing = new ConcurrentHashMap<String, Session>();
        backing.put("s-1", inStore);
        var sessions = new TouchThrottledSessionRepository(new IndexedMapSessions(backing), MINUTE, true);

        var read = sessions.findById("s-1");
        read.setLastAccessedTime(stored.plusSeconds(30));
        read.setAttribute("cart", "sku-7");
        assertThat(read.getLastAccessedTime()).isEqualTo(stored);
        assertThat(read.<String>getAttribute("cart")).isEqualTo("sku-7");
        sessions.save(read);
        assertThat(sessions.findById("s-1").getLastAccessedTime()).isEqualTo(stored);
        assertThat(sessions.findById("s-1").<String>getAttribute("cart")).isEqualTo("sku-7");

        read = sessions.findById("s-1");

        read.setLastAccessedTime(stored.plusSeconds(90));
        assertThat(read.getLastAccessedTime()).isEqualTo(stored.plusSeconds(90));
        sessions.save(read);
        assertThat(sessions.findById("s-1").getLastAccessedTime()).isEqualTo(stored.plusSeconds(90));
    }

    /** An in-memory store that, like the JDBC one, hands out copies: a change counts only once saved. */
    private static final class IndexedMapSessions implements FindByIndexNameSessionRepository<Session> {

        private final Map<String, Session> sessions;

        IndexedMapSessions(Map<String, Session> sessions) {
            this.sessions = sessions;
        }

        @Override
        public Session createSession() {
            return new MapSession();
        }

        @Override
        public void save(Session session) {
            sessions.put(session.getId(), new MapSession(session));
        }

        @Override
        public Session findById(String id) {
            Session found = sessions.get(id);
            return found == null ? null : new MapSession(found);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
