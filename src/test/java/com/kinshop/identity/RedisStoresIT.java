package com.kinshop.identity;

import com.kinshop.counter.HotCounters;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Phones;
import com.kinshop.support.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as one of several nodes: {@code kinshop.redis.enabled=true} and {@code kinshop.session.store=redis}
 * against a real redis-server. Sessions, their revocation, the sign-in limits and the hot counters all live in Redis,
 * observed there (keys present, gone), not only through the API.
 */
@KinshopIT
@TestPropertySource(properties = {"kinshop.redis.enabled=true", "kinshop.session.store=redis"})
class RedisStoresIT {

    private static final RedisServer REDIS = RedisServer.start();
    private static final String SESSIONS = "kinshop:session:sessions:";
    private static final String BY_PRINCIPAL = "kinshop:session:index:org.springframework.session.FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME:";

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry properties) {
        properties.add("spring.data.redis.host", () -> "127.0.0.1");
        properties.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    HotCounters counters;
    @Autowired
    ApplicationContext context;

    @Test
    void aSignedInSessionLivesInRedisIndexedByItsAccountAndNotInPostgres() {
        HttpSession member = new HttpSession(port);
        String phone = register(member);
        long account = member.get("/api/me").json().get("id").asLong();
        String id = sessionId(member);

        assertThat(redis.hasKey(SESSIONS + id)).isTrue();
        assertThat(sessionsOf(account)).containsExactly(id);
        // (the JVM's other contexts share this PostgreSQL and keep their JDBC sessions there)
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = ? or principal_name = ?").params(id, String.valueOf(account))
                .query(Long.class).single()).isZero();

        HttpSession elsewhere = signIn(phone);
        assertThat(elsewhere.get("/api/me").json().get("id").asLong()).isEqualTo(account);
        assertThat(sessionsOf(account)).containsExactlyInAnyOrder(id, sessionId(elsewhere));
    }

    @Test
    void aSignedInRequestThatChangesNothingWritesNothingAndAnonymousOnesCreateNoSession() throws InterruptedException {
        HttpSession member = new HttpSession(port);
        register(member);
        String key = SESSIONS + sessionId(member);
        byte[] lastAccess = lastAccess(key);
        long ttlBefore = redis.getExpire(key, TimeUnit.MILLISECONDS);
        Thread.sleep(20);

        assertThat(member.get("/api/me").status()).isEqualTo(200);
        assertThat(member.get("/p/1").body()).contains("/me/cart/items"); // rendered for the signed-in member: the session was read

        assertThat(lastAccess(key)).isEqualTo(lastAccess);
        // an EXPIRE (what saving a touched session sends) would have pushed the expiry back up
        assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).isLessThan(ttlBefore);

        long sessions = redis.keys(SESSIONS + "*").size();
        HttpSession visitor = new HttpSession(port);
        assertThat(visitor.get("/p/1").status()).isEqualTo(200);
        assertThat(visitor.get("/css/kinshop.css").status()).isEqualTo(200);
        assertThat(visitor.cookie("KINSHOP_SESSION")).isNull();
        assertThat(redis.keys(SESSIONS + "*")).hasSize((int) sessions);
    }

    @Test
    void signingOutDeletesTheSessionFromRedis() {
        HttpSession member = new HttpSession(port);
        register(member);
        String id = sessionId(member);
        assertThat(redis.hasKey(SESSIONS + id)).isTrue();

        assertThat(member.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);

        assertDeleted(id);
        HttpSession replay = new HttpSession(port);
        replay.useSessionOf(Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.US_ASCII)));
        assertThat(replay.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aRoleChangeEndsEverySessionOfTheAccountInRedis() {
        HttpSession phoneA = new HttpSession(port);
        String phone = register(phoneA);
        HttpSession phoneB = signIn(phone);
        long account = phoneA.get("/api/me").json().get("id").asLong();
        List<String> ids = List.of(sessionId(phoneA), sessionId(phoneB));

        HttpSession operator = signIn("13800000000", "kinshop123");
        assertThat(operator.put("/api/admin/accounts/" + account + "/roles", Map.of("roles", List.of("SUPPLIER_STAFF"))).status()).isEqualTo(200);

        assertThat(phoneA.get("/api/me").status()).isEqualTo(401);
        assertThat(phoneB.get("/api/me").status()).isEqualTo(401);
        ids.forEach(this::assertDeleted);
        assertThat(sessionsOf(account)).isEmpty();
        assertThat(operator.get("/api/me").status()).isEqualTo(200); // the operator's own session is untouched
    }

    @Test
    void signInLimitsAreBucketsInRedisThatExpire() {
        String phone = register(new HttpSession(port));
        HttpSession attacker = new HttpSession(port);
        for (int i = 0; i < 10; i++) {
            assertThat(attacker.post("/api/auth/login", Map.of("phone", phone, "password", "guess" + i + "abc")).status()).isEqualTo(401);
        }
        Response limited = attacker.post("/api/auth/login", Map.of("phone", phone, "password", "kinshop123x"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("retry-after"))).isPositive();
        assertThat(limited.json().get("detail").asString()).startsWith("操作太频繁");

        String bucket = "rate-limit:login:phone:" + phone;
        assertThat(redis.hasKey(bucket)).isTrue();
        assertThat(redis.getExpire(bucket)).isPositive(); // expires once it would be full again: idle keys do not pile up
        assertThat(redis.hasKey("rate-limit:register:phone:" + phone)).isTrue();
        assertThat(redis.hasKey("rate-limit:code:phone:" + phone)).isTrue();

        // the limit is the bucket in Redis, not this node's memory: emptied there, the phone may try again
        redis.delete(bucket);
        assertThat(attacker.post("/api/auth/login", Map.of("phone", phone, "password", "guess-again1")).status()).isEqualTo(401);
    }

    @Test
    void aCodesTriesAreCountedInRedisSoEveryNodeSharesItsLimit() {
        String phone = Phones.fresh();
        HttpSession visitor = new HttpSession(port);
        assertThat(visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER")).status()).isEqualTo(202);
        String code = Phones.lastCodeSentTo(jdbc, phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        long codeId = jdbc.sql("select id from one_time_code where phone = ?").param(phone).query(Long.class).single();

        for (int i = 0; i < 5; i++) {
            assertThat(visitor.post("/api/auth/register", IdentityApiIT.registration(phone, wrong, "猜码")).fieldError("code")).isEqualTo("验证码不正确");
        }
        assertThat(redis.hasKey("rate-limit:code-tries:" + codeId)).isTrue();
        Response exhausted = visitor.post("/api/auth/register", IdentityApiIT.registration(phone, code, "猜码"));
        assertThat(exhausted.status()).isEqualTo(400);
        assertThat(exhausted.fieldError("code")).isEqualTo("验证码错误次数过多，请重新获取");
    }

    @Test
    void theHotCountersAreRedisOnes() {
        String pool = "redis-stores-it";
        counters.load(pool, List.of(1L, 2L), Map.of());

        assertThat(redis.opsForList().range("{" + pool + "}:free", 0, -1)).containsExactly("1", "2");
        assertThat(counters.take(pool, "member-1", 1).slot()).isEqualTo(1);
        assertThat(redis.opsForHash().get("{" + pool + "}:held", "member-1")).isEqualTo("1");
        counters.drop(pool);
    }

    @Test
    void healthChecksRedis() {
        assertThat(context.containsBean("redisHealthContributor")).isTrue();
        assertThat(new HttpSession(port).get("/actuator/health").status()).isEqualTo(200);

        REDIS.close(); // Redis down: the node says so (load balancers stop sending it buyers)
        try {
            assertThat(new HttpSession(port).get("/actuator/health").status()).isEqualTo(503);
            // a sign-in needs its rate-limit bucket: without Redis it is refused as busy (503 + Retry-After), never a 500
            Response signIn = new HttpSession(port).post("/api/auth/login", Map.of("phone", Phones.fresh(), "password", "kinshop123"));
            assertThat(signIn.status()).as(signIn.body()).isEqualTo(503);
            assertThat(signIn.header("retry-after")).isEqualTo("1");
        } finally {
            REDIS.restart();
        }
        assertThat(new HttpSession(port).get("/actuator/health").status()).isEqualTo(200);
    }

    private String register(HttpSession visitor) {
        String phone = Phones.fresh();
        assertThat(visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER")).status()).isEqualTo(202);
        assertThat(visitor.post("/api/auth/register", IdentityApiIT.registration(phone, Phones.lastCodeSentTo(jdbc, phone), "红会话")).status())
                .isEqualTo(201);
        return phone;
    }

    private HttpSession signIn(String phone) {
        return signIn(phone, "secret123");
    }

    private HttpSession signIn(String phone, String password) {
        HttpSession session = new HttpSession(port);
        Response response = session.post("/api/auth/login", Map.of("phone", phone, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return session;
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String sessionId(HttpSession client) {
        return new String(Base64.getDecoder().decode(client.cookie("KINSHOP_SESSION")), StandardCharsets.US_ASCII);
    }

    /**
     * Spring Session's indexed Redis store deletes a session by expiring it at once: its expiry key goes, the account's
     * index forgets it, and the hash itself stays a few minutes (the expiry event still carries it), no longer usable.
     */
    private void assertDeleted(String id) {
        assertThat(redis.hasKey(SESSIONS + "expires:" + id)).as("expiry key of " + id).isFalse();
        assertThat(redis.getExpire(SESSIONS + id, TimeUnit.SECONDS)).as("time left to the hash of " + id).isLessThanOrEqualTo(300);
    }

    /** The account's session ids, from the indexed store's set (its members are serialized like the attributes). */
    private Set<String> sessionsOf(long account) {
        JdkSerializationRedisSerializer values = new JdkSerializationRedisSerializer();
        Set<byte[]> members = redis.execute((RedisCallback<Set<byte[]>>) connection -> connection.setCommands()
                .sMembers((BY_PRINCIPAL + account).getBytes(StandardCharsets.UTF_8)));
        return members.stream().map(member -> (String) values.deserialize(member)).collect(Collectors.toSet());
    }

    private byte[] lastAccess(String sessionKey) {
        return redis.execute((RedisCallback<byte[]>) connection -> connection.hashCommands()
                .hGet(sessionKey.getBytes(StandardCharsets.UTF_8), "lastAccessedTime".getBytes(StandardCharsets.UTF_8)));
    }
}
