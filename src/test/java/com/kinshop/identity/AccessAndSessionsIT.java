package com.kinshop.identity;

import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles, who may do what, and role changes ending sessions. */
@KinshopIT
class AccessAndSessionsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousCallersGetProblem401AndMembersGet403OnOperatorActions() {
        Response anonymous = new HttpSession(port).get("/api/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("content-type")).startsWith("application/problem+json");
        assertThat(anonymous.json().get("detail").asString()).isEqualTo("请先登录");

        HttpSession member = signIn("13800000002");
        Response forbidden = member.get("/api/admin/accounts");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("detail").asString()).isEqualTo("没有权限执行此操作");
        Response selfPromotion = member.put("/api/admin/accounts/1/roles", Map.of("roles", List.of("OPERATOR")));
        assertThat(selfPromotion.status()).isEqualTo(403);

        assertThat(new HttpSession(port).get("/console").status()).isEqualTo(302);
        assertThat(member.get("/console").status()).isEqualTo(403);
        assertThat(signIn("13900000001").get("/console").status()).isEqualTo(200);
        assertThat(signIn("13900000001").get("/console/admin/accounts").status()).isEqualTo(403);
    }

    @Test
    void aRoleChangeSignsTheAccountOutEverywhereAndAppliesAtTheNextSignIn() {
        String phone = registerFresh();
        HttpSession phoneA = signIn(phone, "secret123");
        HttpSession phoneB = signIn(phone, "secret123");
        long id = phoneA.get("/api/me").json().get("id").asLong();

        HttpSession operator = signIn("13800000000");
        Response changed = operator.put("/api/admin/accounts/" + id + "/roles", Map.of("roles", List.of("SUPPLIER_STAFF")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("roles").toString()).contains("SUPPLIER_STAFF", "MEMBER");

        assertThat(phoneA.get("/api/me").status()).isEqualTo(401);
        assertThat(phoneB.get("/api/me").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(String.valueOf(id))
                .query(Integer.class).single()).isZero();

        HttpSession again = signIn(phone, "secret123");
        assertThat(again.get("/console").status()).isEqualTo(200);
    }

    @Test
    void anOperatorCannotRemoveTheirOwnOperatorRoleAndUnknownRolesAreRefused() {
        HttpSession operator = signIn("13800000000");
        long self = operator.get("/api/me").json().get("id").asLong();

        Response refused = operator.put("/api/admin/accounts/" + self + "/roles", Map.of("roles", List.of()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldError("roles")).isEqualTo("不能移除自己的运营角色");
        assertThat(operator.get("/api/me").json().get("roles").toString()).contains("OPERATOR");

        Response unknownRole = operator.put("/api/admin/accounts/" + self + "/roles", Map.of("roles", List.of("GOD")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.fieldError("roles[0]")).isNotNull();

        Response missing = operator.put("/api/admin/accounts/99999999/roles", Map.of("roles", List.of()));
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void operatorsFindAccountsByPhoneOrNickname() {
        HttpSession operator = signIn("13800000000");
        Response found = operator.get("/api/admin/accounts?q=1390000000");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(2);
        assertThat(operator.get("/api/admin/accounts?q=%E6%9E%97%E6%99%93").json().get(0).get("nickname").asString()).isEqualTo("林晓雨");
    }

    private HttpSession signIn(String phone) {
        return signIn(phone, "kinshop123");
    }

    private HttpSession signIn(String phone, String password) {
        HttpSession session = new HttpSession(port);
        Response response = session.post("/api/auth/login", Map.of("phone", phone, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return session;
    }

    private String registerFresh() {
        HttpSession visitor = new HttpSession(port);
        String phone = Phones.fresh();
        visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        assertThat(visitor.post("/api/auth/register", IdentityApiIT.registration(phone, Phones.lastCodeSentTo(jdbc, phone), "角色测试")).status())
                .isEqualTo(201);
        return phone;
    }
}
