package com.kinshop.identity;

import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.Concurrently;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The Idempotency-Key mechanism (RELIABILITY race 2), shown on registration, its first user. */
@KinshopIT
class IdempotentRegistrationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void tenSimultaneousRequestsWithOneKeyCreateOneAccountAndAllGetTheSameAnswer() throws Exception {
        String phone = Phones.fresh();
        HttpSession visitor = new HttpSession(port);
        visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        Map<String, String> body = IdentityApiIT.registration(phone, Phones.lastCodeSentTo(jdbc, phone), "并发");
        String key = "reg-" + phone;

        List<Response> responses = Concurrently.all(10, () -> new HttpSession(port).post("/api/auth/register", body, Map.of("Idempotency-Key", key)));

        assertThat(responses).extracting(Response::status).containsOnly(201);
        assertThat(responses).extracting(response -> response.json().get("id").asLong()).containsOnly(accountId(phone));
        assertThat(responses).filteredOn(response -> "true".equals(response.header("idempotent-replayed"))).hasSize(9);
        assertThat(jdbc.sql("select count(*) from account where phone = ?").param(phone).query(Integer.class).single()).isEqualTo(1);

        HttpSession retrying = new HttpSession(port); // the answer was lost: a retry without the first answer's cookie
        Response replayLater = retrying.post("/api/auth/register", body, Map.of("Idempotency-Key", key));
        assertThat(replayLater.status()).isEqualTo(201);
        assertThat(replayLater.json()).isEqualTo(responses.get(0).json());
        assertThat(retrying.get("/api/me").status()).as("registered and signed in, as the answer says").isEqualTo(200);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedAndChangesNothing() {
        String phone = Phones.fresh();
        HttpSession visitor = new HttpSession(port);
        visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        Map<String, String> body = IdentityApiIT.registration(phone, Phones.lastCodeSentTo(jdbc, phone), "原来的");
        String key = "reg-diff-" + phone;
        assertThat(visitor.post("/api/auth/register", body, Map.of("Idempotency-Key", key)).status()).isEqualTo(201);

        Response conflicting = new HttpSession(port).post("/api/auth/register",
                IdentityApiIT.registration(phone, body.get("code"), "改过的"), Map.of("Idempotency-Key", key));

        assertThat(conflicting.status()).isEqualTo(422);
        assertThat(conflicting.json().get("detail").asString()).isEqualTo("同一个 Idempotency-Key 不能用于不同的请求内容");
        assertThat(jdbc.sql("select nickname from account where phone = ?").param(phone).query(String.class).single()).isEqualTo("原来的");
    }

    @Test
    void aFailedRequestStoresNothingSoTheSameKeyCanBeRetried() {
        String phone = Phones.fresh();
        HttpSession visitor = new HttpSession(port);
        visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        String code = Phones.lastCodeSentTo(jdbc, phone);
        String key = "reg-retry-" + phone;
        Map<String, String> wrong = IdentityApiIT.registration(phone, code.equals("000000") ? "111111" : "000000", "重试");

        assertThat(visitor.post("/api/auth/register", wrong, Map.of("Idempotency-Key", key)).status()).isEqualTo(400);
        Response retried = visitor.post("/api/auth/register", IdentityApiIT.registration(phone, code, "重试"), Map.of("Idempotency-Key", key));
        assertThat(retried.status()).isEqualTo(201);
        Response badKey = visitor.post("/api/auth/register", IdentityApiIT.registration(phone, code, "重试"), Map.of("Idempotency-Key", "short"));
        assertThat(badKey.fieldError("Idempotency-Key")).isNotNull();
    }

    @Test
    void twoSimultaneousRegistrationsWithOneCodeCreateOneAccount() throws Exception {
        String phone = Phones.fresh();
        new HttpSession(port).post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        Map<String, String> body = IdentityApiIT.registration(phone, Phones.lastCodeSentTo(jdbc, phone), "抢注");

        List<Response> responses = Concurrently.all(8, () -> new HttpSession(port).post("/api/auth/register", body));

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 201).allMatch(response -> response.status() == 400 || response.status() == 409);
        assertThat(jdbc.sql("select count(*) from account where phone = ?").param(phone).query(Integer.class).single()).isEqualTo(1);
    }

    private long accountId(String phone) {
        return jdbc.sql("select id from account where phone = ?").param(phone).query(Long.class).single();
    }

    /** Runs {@code n} copies of {@code call} released at the same instant. */
}
