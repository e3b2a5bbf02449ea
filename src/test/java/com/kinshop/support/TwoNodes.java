package com.kinshop.support;

import com.kinshop.support.HttpSession.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes (the packaged jar, as separate processes) against one PostgreSQL and one Redis, as
 * {@code deploy/compose.yaml} runs them behind a load balancer. The PostgreSQL is started here, in the test JVM, and
 * handed to both nodes as an external datasource (so neither starts an embedded one); node A seeds the demo data and
 * is ready before node B starts. The session store is {@code -Dkinshop.two-nodes.session-store} (jdbc by default, or
 * redis), Redis is on for both ({@code kinshop.redis.enabled}).
 */
public final class TwoNodes implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(150);
    private static final String CODE_ONLY = "code-login-only"; // no password hash: these members sign in with one-time codes

    private final Path work;
    private final EmbeddedPostgres postgres;
    private final RedisServer redis;
    private final com.zaxxer.hikari.HikariDataSource pool;
    private final JdbcClient db;
    private final List<KinshopProcess> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    private TwoNodes(Path work, EmbeddedPostgres postgres, RedisServer redis) {
        this.work = work;
        this.postgres = postgres;
        this.redis = redis;
        // pooled: a connection per statement (DriverManagerDataSource) cost a PostgreSQL backend start each, minutes over 2,000 buyers
        this.pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "kinshop"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(8);
        this.db = JdbcClient.create(pool);
    }

    /** Starts PostgreSQL, Redis, node A (with demo data), then node B; {@code settings} are extra arguments for both. */
    public static TwoNodes start(String name, List<String> settings) {
        Path work = Path.of("target", name).toAbsolutePath();
        KinshopProcess.deleteRecursively(work);
        EmbeddedPostgres postgres = startPostgres(work.resolve("pg"));
        RedisServer redis = RedisServer.start();
        TwoNodes cluster = new TwoNodes(work, postgres, redis);
        String store = System.getProperty("kinshop.two-nodes.session-store", "jdbc");
        List<String> common = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "kinshop"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--kinshop.redis.enabled=true", "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port(),
                "--kinshop.session.store=" + store,
                "--kinshop.identity.code-secret=two-nodes-" + name,
                "--kinshop.identity.rate-limit.codes-per-ip-per-hour=1000000", "--kinshop.identity.rate-limit.login-per-ip=1000000",
                "--kinshop.media.dir=" + work.resolve("media"),
                "--kinshop.demo.orders=false", "--kinshop.demo.group-buy=false", "--kinshop.demo.member-coupons=false"));
        common.addAll(settings);
        cluster.startNode("a", common, List.of());
        cluster.startNode("b", common, List.of("--kinshop.demo.enabled=false"));
        return cluster;
    }

    public JdbcClient db() {
        return db;
    }

    public RedisServer redis() {
        return redis;
    }

    /** The HTTP port of node 0 (A) or 1 (B). */
    public int port(int node) {
        return ports.get(node);
    }

    public KinshopProcess node(int node) {
        return nodes.get(node);
    }

    /** Both nodes' log lines containing {@code text}, with their time (the log's ISO timestamp), oldest first. */
    public List<Instant> logged(String text) {
        return nodes.stream().flatMap(node -> node.log().lines()).filter(line -> line.contains(text))
                .map(line -> OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant()).sorted().toList();
    }

    /** Both nodes' log lines containing {@code text}. */
    public List<String> logLines(String text) {
        return nodes.stream().flatMap(node -> node.log().lines()).filter(line -> line.contains(text)).toList();
    }

    /** A member with an address, created directly in the database (no Argon2 hash); returns phone, account id and address id. */
    public record Buyer(String phone, long accountId, long addressId) {
    }

    public Buyer newBuyer() {
        String phone = Phones.fresh();
        long account = db.sql("""
                        insert into account (phone, password_hash, nickname, created_at, updated_at) values (?, ?, ?, now(), now()) returning id""")
                .params(phone, CODE_ONLY, "买家" + phone.substring(7)).query(Long.class).single();
        db.sql("insert into account_role (account_id, role) values (?, 'MEMBER')").param(account).update();
        long address = db.sql("""
                        insert into address (account_id, receiver, phone, region, detail, is_default, created_at)
                        values (?, '收货人', ?, '上海市浦东新区', '世纪大道 100 号', true, now()) returning id""")
                .params(account, phone).query(Long.class).single();
        return new Buyer(phone, account, address);
    }

    /** Asks node {@code codeNode} for a LOGIN code and signs in with it on node {@code signInNode}: the session of that node. */
    public HttpSession signIn(Buyer buyer, int codeNode, int signInNode) {
        Response sent = new HttpSession(port(codeNode)).post("/api/auth/codes", Map.of("phone", buyer.phone(), "purpose", "LOGIN"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        HttpSession session = new HttpSession(port(signInNode));
        Response in = session.post("/api/auth/login/code", Map.of("phone", buyer.phone(), "code", Phones.lastCodeSentTo(db, buyer.phone())));
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        return session;
    }

    /** The same signed-in session, presented to node {@code node} (the load balancer sending the next request elsewhere). */
    public HttpSession sameSessionOn(HttpSession session, int node) {
        HttpSession other = new HttpSession(port(node));
        other.useSessionOf(session.cookie("KINSHOP_SESSION"));
        return other;
    }

    public long count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    public void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            nodes.forEach(node -> assertThat(node.isAlive()).as("a node died while waiting for " + what + ":\n" + node.logTail(40)).isTrue());
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what + "; node A:\n" + nodes.get(0).logTail(20) + "\nnode B:\n"
                        + nodes.get(1).logTail(20));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        nodes.forEach(KinshopProcess::stop);
        pool.close();
        redis.close();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("TwoNodes: could not stop PostgreSQL: " + e);
        }
    }

    private void startNode(String name, List<String> common, List<String> own) {
        int port = KinshopProcess.freePort();
        List<String> arguments = new ArrayList<>(common);
        arguments.addAll(own);
        Instant started = Instant.now();
        KinshopProcess node = KinshopProcess.start("node-" + name, work.resolve("logs").resolve(name + ".log"), port, arguments);
        nodes.add(node);
        ports.add(port);
        node.awaitReady(START);
        System.err.printf("TwoNodes: node %s ready on port %d in %d ms%n", name, port, Duration.between(started, Instant.now()).toMillis());
    }

    private static EmbeddedPostgres startPostgres(Path dataDir) {
        try {
            Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "kinshop-embedded-pg");
            Files.createDirectories(binaries);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(binaries.toFile()).setDataDirectory(dataDir)
                    .setCleanDataDirectory(true).setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC").setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                    .setPort(KinshopProcess.freePort()).start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database kinshop encoding 'UTF8'");
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
