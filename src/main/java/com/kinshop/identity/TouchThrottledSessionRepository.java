package com.kinshop.identity;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Spring Session moves a session's last-access time on every request that reads it, which marks the session changed
 * and makes the JDBC store UPDATE its row: every signed-in page view cost a write (and its commit). This decorator
 * passes the new access time on only when the stored one is at least {@code touchInterval} old, so a request that
 * changes nothing writes nothing; attributes, id changes and principals are saved as before. The price: a session
 * may expire up to one interval early (1 hour of 7 days by default). A buyer who signed in earlier in the day thus
 * reaches a flash sale's buy button without a session write.
 * <p>
 * Within one request it also answers a second lookup of the same session from what the first one read (see
 * {@link SessionReadsPerRequest}): Spring Session's filter asked the database again at the end of most signed-in
 * requests, only to learn the requested session id it already had.
 */
final class TouchThrottledSessionRepository implements FindByIndexNameSessionRepository<Session>, DisposableBean {

    private final FindByIndexNameSessionRepository<Session> store;
    private final Duration touchInterval;
    private final boolean replacesStoreBean;

    /**
     * @param replacesStoreBean true when this decorator took the store's place in the context (JDBC), so it must stop
     * the store with the context; false when both are beans (Redis), and the context stops the store itself
     */
    TouchThrottledSessionRepository(FindByIndexNameSessionRepository<Session> store, Duration touchInterval, boolean replacesStoreBean) {
        this.store = store;
        this.touchInterval = touchInterval;
        this.replacesStoreBean = replacesStoreBean;
    }

    /**
     * The rule: touch only when the stored access time is at least one interval old — and never let the interval pass
     * a twentieth of the session's own timeout, so a short session (a console configured for 30 minutes) still expires
     * at most 5 % early.
     */
    static boolean shouldTouch(Instant stored, Instant now, Duration touchInterval, Duration maxInactive) {
        Duration interval = !maxInactive.isNegative() && !maxInactive.isZero() && maxInactive.dividedBy(20).compareTo(touchInterval) < 0 ? maxInactive.dividedBy(20) : touchInterval;
        return Duration.between(stored, now).compareTo(interval) >= 0;
    }

    @Override
    public Session createSession() {
        return new LazilyTouched(store.createSession());
    }

    @Override
    public void save(Session session) {
        store.save(session instanceof LazilyTouched touched ? touched.stored : session);
    }

    @Override
    public Session findById(String id) {
        Session read = SessionReadsPerRequest.recall(id);
        if (read != null) {
            return read;
        }
        Session found = store.findById(id);
        if (found == null) {
            return null;
        }
        Session session = new LazilyTouched(found);
        SessionReadsPerRequest.remember(session);
        return session;
    }

    @Override
    public void deleteById(String id) {
        SessionReadsPerRequest.forget(id);
        store.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Session> found = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, session) -> found.put(id, new LazilyTouched(session)));
        return found;
    }

    /** The store owns a cleanup scheduler; it must still stop with the context. */
    @Override
    public void destroy() throws Exception {
        if (replacesStoreBean && store instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }

    private final class LazilyTouched implements Session {

        private final Session stored;

        LazilyTouched(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (shouldTouch(stored.getLastAccessedTime(), lastAccessedTime, touchInterval, stored.getMaxInactiveInterval())) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
