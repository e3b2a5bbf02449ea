package com.kinshop.identity;

import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration, sign-in and the refusals of each, over HTTP against the running application. */
@KinshopIT
class IdentityApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void registersWithCodeAndIsSignedIn() {
        HttpSession visitor = new HttpSession(port);
        String phone = Phones.fresh();

        assertThat(visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER")).status()).isEqualTo(202);
        Response registered = visitor.post("/api/auth/register", registration(phone, Phones.lastCodeSentTo(jdbc, phone), "小红"));

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("roles").toString()).isEqualTo("[\"MEMBER\"]");
        Response me = visitor.get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("nickname").asString()).isEqualTo("小红");
        assertThat(me.json().has("passwordHash")).isFalse();
        assertThat(storedHash(phone)).startsWith("{argon2}$argon2id$");
    }

    @Test
    void malformedInputIsRefusedFieldByFieldInTheUsersLanguage() {
        HttpSession chinese = new HttpSession(port);
        Response refused = chinese.post("/api/auth/register", Map.of("phone", "12345", "code", "12", "password", "short", "nickname", ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.fieldError("phone")).isEqualTo("请输入正确的 11 位手机号");
        assertThat(refused.fieldError("password")).isEqualTo("密码需为 8-64 位，且同时包含字母和数字");
        assertThat(refused.fieldError("code")).isEqualTo("验证码为 6 位数字");
        assertThat(refused.fieldError("nickname")).isEqualTo("请输入昵称");

        Response english = new HttpSession(port).language("en").post("/api/auth/login", Map.of("phone", "999", "password", "x"));
        assertThat(english.fieldError("phone")).isEqualTo("Enter a valid 11-digit mobile number");
        assertThat(accountCount()).isEqualTo(accountCount());
    }

    @Test
    void unknownAndTamperedFieldsAreRejectedNotIgnored() {
        HttpSession visitor = new HttpSession(port);
        String phone = Phones.fresh();
        visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        Map<String, Object> tampered = new java.util.HashMap<>(registration(phone, Phones.lastCodeSentTo(jdbc, phone), "黑客"));
        tampered.put("roles", List.of("OPERATOR"));

        Response refused = visitor.post("/api/auth/register", tampered);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldError("roles")).isEqualTo("不支持此字段");
        assertThat(accountExists(phone)).isFalse();

        Response malformed = visitor.postRaw("/api/auth/login", "application/json", "{\"phone\":".getBytes());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("request.body.malformed");
    }

    @Test
    void wrongCodeExpiredCodeReusedCodeAndTooManyAttemptsEachSayWhy() {
        HttpSession visitor = new HttpSession(port);
        String phone = Phones.fresh();
        visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        String code = Phones.lastCodeSentTo(jdbc, phone);
        String wrong = code.equals("000000") ? "111111" : "000000";

        Response wrongCode = visitor.post("/api/auth/register", registration(phone, wrong, "小明"));
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.fieldError("code")).isEqualTo("验证码不正确");
        assertThat(accountExists(phone)).isFalse();

        clock.advance(Duration.ofMinutes(6));
        Response expired = visitor.post("/api/auth/register", registration(phone, code, "小明"));
        assertThat(expired.fieldError("code")).isEqualTo("验证码已过期，请重新获取");
        assertThat(accountExists(phone)).isFalse();

        visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        String fresh = Phones.lastCodeSentTo(jdbc, phone);
        assertThat(visitor.post("/api/auth/register", registration(phone, fresh, "小明")).status()).isEqualTo(201);

        // the same code again, for a sign-in, is not valid: codes are per purpose and single-use
        HttpSession other = new HttpSession(port);
        Response reused = other.post("/api/auth/login/code", Map.of("phone", phone, "code", fresh));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.fieldError("code")).isEqualTo("请先获取验证码");

        clock.advance(Duration.ofMinutes(2));
        other.post("/api/auth/codes", Map.of("phone", phone, "purpose", "LOGIN"));
        String loginCode = Phones.lastCodeSentTo(jdbc, phone);
        assertThat(other.post("/api/auth/login/code", Map.of("phone", phone, "code", loginCode)).status()).isEqualTo(200);
        Response used = new HttpSession(port).post("/api/auth/login/code", Map.of("phone", phone, "code", loginCode));
        assertThat(used.fieldError("code")).isEqualTo("验证码已使用，请重新获取");

        clock.advance(Duration.ofMinutes(2));
        HttpSession guesser = new HttpSession(port);
        guesser.post("/api/auth/codes", Map.of("phone", phone, "purpose", "LOGIN"));
        String right = Phones.lastCodeSentTo(jdbc, phone);
        String bad = right.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.post("/api/auth/login/code", Map.of("phone", phone, "code", bad)).fieldError("code")).isEqualTo("验证码不正确");
        }
        Response locked = guesser.post("/api/auth/login/code", Map.of("phone", phone, "code", right));
        assertThat(locked.fieldError("code")).isEqualTo("验证码错误次数过多，请重新获取");
        assertThat(guesser.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordAndUnknownPhoneLookExactlyAlike() {
        String phone = register(new HttpSession(port), "小李");
        Response wrongPassword = new HttpSession(port).post("/api/auth/login", Map.of("phone", phone, "password", "wrongpass1"));
        Response unknownPhone = new HttpSession(port).post("/api/auth/login", Map.of("phone", Phones.fresh(), "password", "wrongpass1"));

        assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownPhone.status());
        assertThat(wrongPassword.json().get("detail").asString()).isEqualTo("手机号或密码错误")
                .isEqualTo(unknownPhone.json().get("detail").asString());

        // a sign-in code for an unknown phone is "sent" just the same, but no SMS leaves
        String stranger = Phones.fresh();
        Response forStranger = new HttpSession(port).post("/api/auth/codes", Map.of("phone", stranger, "purpose", "LOGIN"));
        Response forMember = new HttpSession(port).post("/api/auth/codes", Map.of("phone", phone, "purpose", "LOGIN"));
        assertThat(forStranger.status()).isEqualTo(202).isEqualTo(forMember.status());
        assertThat(forStranger.body()).isEqualTo(forMember.body());
        assertThat(Phones.smsCount(jdbc, stranger)).isZero();
    }

    @Test
    void registrationRevealsOnlyWhatItMustAndChangesNothing() {
        String phone = register(new HttpSession(port), "老用户");
        Response again = new HttpSession(port).post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.fieldError("phone")).isEqualTo("该手机号已注册，请直接登录");
    }

    @Test
    void signInAttemptsAndCodeRequestsAreRateLimited() {
        String phone = register(new HttpSession(port), "限流");
        HttpSession attacker = new HttpSession(port);
        for (int i = 0; i < 10; i++) {
            assertThat(attacker.post("/api/auth/login", Map.of("phone", phone, "password", "guess" + i + "abc")).status()).isEqualTo(401);
        }
        Response limited = attacker.post("/api/auth/login", Map.of("phone", phone, "password", "kinshop123x"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("retry-after")).isNotBlank();
        assertThat(limited.json().get("detail").asString()).startsWith("操作太频繁");

        String other = Phones.fresh();
        HttpSession visitor = new HttpSession(port);
        assertThat(visitor.post("/api/auth/codes", Map.of("phone", other, "purpose", "REGISTER")).status()).isEqualTo(202);
        Response tooSoon = visitor.post("/api/auth/codes", Map.of("phone", other, "purpose", "REGISTER"));
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.json().get("detail").asString()).contains("秒后再获取验证码");
        assertThat(Phones.smsCount(jdbc, other)).isEqualTo(1);
    }

    @Test
    void signOutEndsTheSession() {
        HttpSession member = new HttpSession(port);
        register(member, "退出测试");
        String sessionId = member.cookie("KINSHOP_SESSION");
        assertThat(member.get("/api/me").status()).isEqualTo(200);

        assertThat(member.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);

        HttpSession replay = new HttpSession(port);
        replay.useSessionOf(sessionId);
        assertThat(replay.get("/api/me").status()).isEqualTo(401);
        assertThat(sessionRows(sessionId)).isZero();
    }

    @Test
    void stateChangingRequestsNeedTheCsrfToken() {
        Response refused = new HttpSession(port).postWithoutCsrf("/api/auth/login", Map.of("phone", "13800000001", "password", "kinshop123"));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void everyDemoAccountCanSignIn() {
        for (IdentityDemoData.DemoAccount demo : IdentityDemoData.ACCOUNTS) {
            Response signedIn = new HttpSession(port).post("/api/auth/login", Map.of("phone", demo.phone(), "password", IdentityDemoData.PASSWORD));
            assertThat(signedIn.status()).as(demo.phone()).isEqualTo(200);
            assertThat(signedIn.json().get("nickname").asString()).isEqualTo(demo.nickname());
        }
    }

    @Test
    void profileNicknameIsValidatedAndSaved() {
        HttpSession member = new HttpSession(port);
        register(member, "旧昵称");
        Response tooLong = member.patch("/api/me/profile", Map.of("nickname", "一二三四五六七八九十一二三四五六七八九十一"));
        assertThat(tooLong.fieldError("nickname")).isEqualTo("昵称需为 1-20 个字");
        assertThat(member.get("/api/me").json().get("nickname").asString()).isEqualTo("旧昵称");

        Response renamed = member.patch("/api/me/profile", Map.of("nickname", "<b>新昵称</b>"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(member.get("/api/me").json().get("nickname").asString()).isEqualTo("<b>新昵称</b>");
        assertThat(member.get("/me").body()).contains("&lt;b&gt;新昵称&lt;/b&gt;").doesNotContain("<b>新昵称</b>");
        assertThat(member.get("/me/profile").body()).contains("个人资料", "&lt;b&gt;新昵称&lt;/b&gt;");
    }

    static Map<String, String> registration(String phone, String code, String nickname) {
        return Map.of("phone", phone, "code", code, "password", "secret123", "nickname", nickname);
    }

    /** Registers a fresh phone through the API; the client is signed in afterwards. */
    String register(HttpSession visitor, String nickname) {
        String phone = Phones.fresh();
        visitor.post("/api/auth/codes", Map.of("phone", phone, "purpose", "REGISTER"));
        Response response = visitor.post("/api/auth/register", registration(phone, Phones.lastCodeSentTo(jdbc, phone), nickname));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return phone;
    }

    private boolean accountExists(String phone) {
        return jdbc.sql("select count(*) from account where phone = ?").param(phone).query(Integer.class).single() > 0;
    }

    private int accountCount() {
        return jdbc.sql("select count(*) from account").query(Integer.class).single();
    }

    private String storedHash(String phone) {
        return jdbc.sql("select password_hash from account where phone = ?").param(phone).query(String.class).single();
    }

    private int sessionRows(String sessionId) {
        return jdbc.sql("select count(*) from spring_session where session_id = ?").param(sessionId).query(Integer.class).single();
    }
}
