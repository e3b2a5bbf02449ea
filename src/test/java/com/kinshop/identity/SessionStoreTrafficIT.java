package com.kinshop.identity;

import com.kinshop.support.HttpSession;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Phones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import javax.sql.DataSource;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request costs the session store, observed in PostgreSQL itself: while a test transaction holds a lock on the
 * session tables, a request that reads them (ACCESS EXCLUSIVE held) or writes them (SHARE held: reads pass, writes
 * wait) waits for it, visibly in {@code pg_locks}; a request that does neither answers while the lock is held.
 * Each "waits" case is the control that shows the lock would catch the other cases if they touched the store.
 */
@KinshopIT
class SessionStoreTrafficIT {

    private static final String SESSION_TABLES = "spring_session, spring_session_attributes";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessionStore;
    @Value("${kinshop.session.touch-interval}")
    Duration touchInterval;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Connection locker;

    @AfterEach
    void releaseLock() throws SQLException {
        if (locker != null) {
            locker.rollback();
            locker.close();
        }
    }

    @Test
    void staticFilesAndAnonymousPagesNeitherReadNorCreateSessions() throws Exception {
        String session = signedInSessionCookie();
        long sessionsBefore = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
        lock("ACCESS EXCLUSIVE");

        // a signed-in visitor's browser sends its session cookie with every file it loads
        HttpResponse<String> css = get("/css/kinshop.css", session).get(20, TimeUnit.SECONDS);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(get("/js/kinshop.js", session).get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", session).get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        HttpResponse<String> page = get("/p/1", null).get(20, TimeUnit.SECONDS);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("KINSHOP_SESSION="));
        assertThat(get("/", null).get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        // control: the same signed-in visitor's page does read the session, and waits for the lock
        CompletableFuture<HttpResponse<String>> signedInPage = get("/p/1", session);
        awaitBlockedOnSessionTables("select s.primary_id%");
        assertThat(signedInPage).isNotDone();
        unlock();
        assertThat(signedInPage.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isEqualTo(sessionsBefore);
    }

    @Test
    void aSignedInRequestThatChangesNothingWritesNothing() throws Exception {
        String session = signedInSessionCookie();
        String rowVersion = rowVersion(session);
        lock("SHARE");

        HttpResponse<String> page = get("/p/1", session).get(20, TimeUnit.SECONDS);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/me/cart/items"); // rendered for the signed-in member: the session was read
        HttpResponse<String> me = get("/api/me", session).get(20, TimeUnit.SECONDS);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(rowVersion(session)).isEqualTo(rowVersion); // the row was not rewritten either

        // control: signing out deletes the session row, and waits for the lock
        CompletableFuture<HttpResponse<String>> signOut = signOut(session);
        awaitBlockedOnSessionTables("delete from spring_session%");
        assertThat(signOut).isNotDone();
        unlock();
        assertThat(signOut.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(idOf(session)).query(Long.class).single()).isZero();
    }

    /**
     * The request's first read waits for one lock; a second lock, queued behind that read, is held from the moment the
     * read is done: a second read of the session would wait for it. The file requested after it on the same
     * connection answers only once the signed-in request has finished entirely (its filters' closing save included).
     */
    @Test
    void aSignedInRequestReadsItsSessionOnce() throws Exception {
        String session = signedInSessionCookie();
        lock("ACCESS EXCLUSIVE");
        try (Socket connection = new Socket("localhost", port)) {
            connection.setSoTimeout(20_000);
            connection.getOutputStream().write(("GET /p/1 HTTP/1.1\r\nHost: localhost\r\nCookie: KINSHOP_SESSION=" + session
                    + "\r\n\r\nGET /css/kinshop.css HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            awaitBlockedOnSessionTables("select s.primary_id%");

            try (Connection secondLocker = dataSource.getConnection()) {
                secondLocker.setAutoCommit(false);
                CompletableFuture<Void> relocked = CompletableFuture.runAsync(() -> lockTables(secondLocker, "ACCESS EXCLUSIVE"));
                awaitBlockedOnSessionTables("lock table%");
                unlock(); // the request's read goes first, then the queued lock is granted
                relocked.get(20, TimeUnit.SECONDS);

                String responses;
                try {
                    responses = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (SocketTimeoutException stillWaiting) {
                    throw new AssertionError("the signed-in request did not finish while the session tables were locked: it read its session again", stillWaiting);
                }
                assertThat(responses).startsWith("HTTP/1.1 200").contains("/me/cart/items"); // rendered for the signed-in member
                assertThat(responses.split("HTTP/1\\.1 200", -1)).hasSize(3); // both answered while the store stayed locked
                secondLocker.rollback();
            }
        }
    }

    @Test
    void theSessionRowIsTouchedOnceTheTouchIntervalHasPassedAndWhenItsPrincipalChanges() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // the one Spring Session's filter uses
        SessionRepository<Session> sessions = (SessionRepository) sessionStore;
        Session session = sessions.createSession();
        sessions.save(session);
        Instant stored = Instant.ofEpochMilli(lastAccess(session.getId()));

        Session read = sessions.findById(session.getId());
        read.setLastAccessedTime(stored.plus(touchInterval).minusSeconds(1));
        sessions.save(read);
        assertThat(lastAccess(session.getId())).isEqualTo(stored.toEpochMilli());

        read = sessions.findById(session.getId());
        read.setLastAccessedTime(stored.plus(touchInterval).plusSeconds(1));
        sessions.save(read);
        assertThat(lastAccess(session.getId())).isEqualTo(stored.plus(touchInterval).plusSeconds(1).toEpochMilli());

        read = sessions.findById(session.getId());
        read.setLastAccessedTime(stored.plus(touchInterval).plusSeconds(2));
        read.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "4242");
        sessions.save(read);
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?").param(session.getId())
                .query(String.class).single()).isEqualTo("4242");
        sessions.deleteById(session.getId());
    }

    private String signedInSessionCookie() {
        HttpSession visitor = new HttpSession(port);
        String phone = Phones.fresh();
        visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        assertThat(visitor.post("/api/auth/register", IdentityApiIT.registration(phone, Phones.lastCodeSentTo(jdbc, phone), "会话测试"))
                .status()).isEqualTo(201);
        assertThat(visitor.get("/api/me").status()).isEqualTo(200);
        return visitor.cookie("KINSHOP_SESSION");
    }

    private CompletableFuture<HttpResponse<String>> get(String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            request.header("Cookie", "KINSHOP_SESSION=" + session);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> signOut(String session) {
        String xsrf = "0b6f7c1e-2f6a-4c55-9d7b-3b1f0f4b2a11"; // the SPA pattern: any token, the same in cookie and header
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/logout"))
                .header("Cookie", "KINSHOP_SESSION=" + session + "; XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void lock(String mode) throws SQLException {
        locker = dataSource.getConnection();
        locker.setAutoCommit(false);
        lockTables(locker, mode);
    }

    private static void lockTables(Connection connection, String mode) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + SESSION_TABLES + " in " + mode + " mode");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void unlock() throws SQLException {
        locker.rollback();
        locker.close();
        locker = null;
    }

    /** Waits until a statement like the given one waits for a lock on a session table (the request under test reached the store). */
    private void awaitBlockedOnSessionTables(String statement) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<String> waiting = jdbc.sql("""
                    select c.relname from pg_locks l join pg_class c on c.oid = l.relation join pg_stat_activity a on a.pid = l.pid
                    where not l.granted and c.relname in ('spring_session', 'spring_session_attributes')
                      and ltrim(a.query) ilike ?""").param(statement).query(String.class).list();
            if (!waiting.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + statement + " waited for the session tables");
    }

    /** The row's xmin: the transaction that last wrote it. */
    private String rowVersion(String sessionCookie) {
        return jdbc.sql("select xmin::text from spring_session where session_id = ?").param(idOf(sessionCookie)).query(String.class).single();
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String idOf(String sessionCookie) {
        return new String(Base64.getDecoder().decode(sessionCookie), StandardCharsets.US_ASCII);
    }

    private long lastAccess(String sessionId) {
        return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(sessionId).query(Long.class).single();
    }
}
