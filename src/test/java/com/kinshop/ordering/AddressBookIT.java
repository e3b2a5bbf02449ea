package com.kinshop.ordering;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 收货地址 over HTTP: validation, one default at most (also under racing clicks), and only the owner's addresses. */
@KinshopIT
class AddressBookIT extends ApiTest {

    private static Map<String, String> address(String receiver) {
        return Map.of("receiver", receiver, "phone", "13800001234", "region", "浙江省杭州市西湖区", "detail", "文三路 1 号");
    }

    @Test
    void badAddressesAreRefusedFieldByField() {
        Member member = fixtures.member("填地址");
        Response refused = member.session().post("/api/me/addresses", Map.of("receiver", "", "phone", "123", "region", "", "detail", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldError("receiver")).isEqualTo("请填写收货人");
        assertThat(refused.fieldError("phone")).isEqualTo("请输入正确的 11 位手机号");
        assertThat(refused.fieldError("region")).isEqualTo("请填写省市区");
        assertThat(refused.fieldError("detail")).isEqualTo("请填写详细地址");
        assertThat(member.session().get("/api/me/addresses").json().size()).isZero();
    }

    @Test
    void theFirstAddressIsTheDefaultAndThereIsNeverMoreThanOne() throws Exception {
        Member member = fixtures.member("多地址");
        long home = member.session().post("/api/me/addresses", address("家")).json().get("id").asLong();
        long office = member.session().post("/api/me/addresses", address("公司")).json().get("id").asLong();
        assertThat(defaults(member)).containsExactly(home);

        java.util.concurrent.atomic.AtomicInteger click = new java.util.concurrent.atomic.AtomicInteger();
        List<Response> clicks = Concurrently.all(20, () -> member.session().post(
                "/api/me/addresses/" + (click.getAndIncrement() % 2 == 0 ? home : office) + "/default", Map.of()));
        assertThat(clicks).as("every racing click answered, none with a 500").allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        assertThat(defaults(member)).hasSize(1);

        member.session().post("/api/me/addresses/" + office + "/default", Map.of());
        assertThat(member.session().delete("/api/me/addresses/" + office).status()).isEqualTo(204);
        assertThat(defaults(member)).as("the remaining address becomes the default").containsExactly(home);
    }

    @Test
    void oneMemberCannotReadOrChangeAnothersAddresses() {
        Member owner = fixtures.member("地址主人");
        long id = owner.session().post("/api/me/addresses", address("主人")).json().get("id").asLong();
        Member other = fixtures.member("别人");

        assertThat(other.session().put("/api/me/addresses/" + id, address("篡改")).status()).isEqualTo(404);
        assertThat(other.session().delete("/api/me/addresses/" + id).status()).isEqualTo(404);
        assertThat(other.session().post("/api/me/addresses/" + id + "/default", Map.of()).status()).isEqualTo(404);
        assertThat(other.session().get("/api/me/addresses").json().size()).isZero();
        assertThat(owner.session().get("/api/me/addresses").json().get(0).get("receiver").asString()).isEqualTo("主人");
    }

    @Test
    void theAddressPageAddsThroughItsForm() {
        Member member = fixtures.member("页面地址");
        Response saved = member.session().postForm("/me/addresses", "/me/addresses",
                Map.of("receiver", "王五", "phone", "13912345678", "region", "广东省深圳市南山区", "detail", "科技园 8 号"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(member.session().get("/me/addresses").body()).contains("王五", "139****5678", "广东省深圳市南山区 科技园 8 号", "默认");
        assertThat(member.session().postForm("/me/addresses", "/me/addresses", Map.of("receiver", "", "phone", "1", "region", "x", "detail", "y"))
                .body()).contains("请填写收货人", "请输入正确的 11 位手机号");

        // from checkout (管理地址): saving goes back to the same checkout, which also has a button back; never to another site
        String back = "/checkout?sku=12&quantity=2";
        assertThat(member.session().get("/me/addresses?back=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8)).body())
                .contains("data-testid=\"back-to-checkout\"").contains("href=\"/checkout?sku=12&amp;quantity=2\"");
        Response fromCheckout = member.session().postForm("/me/addresses", "/me/addresses",
                Map.of("receiver", "赵六", "phone", "13912345679", "region", "广东省深圳市南山区", "detail", "科技园 9 号", "back", back));
        assertThat(fromCheckout.header("Location")).endsWith(back);
        Response elsewhere = member.session().postForm("/me/addresses", "/me/addresses",
                Map.of("receiver", "钱七", "phone", "13912345670", "region", "广东省深圳市南山区", "detail", "科技园 10 号", "back", "https://evil.example/checkout"));
        assertThat(elsewhere.header("Location")).endsWith("/me/addresses");
        assertThat(member.session().get("/me/addresses?back=//evil.example").body()).doesNotContain("back-to-checkout");
    }

    private List<Long> defaults(Member member) {
        List<Long> ids = new java.util.ArrayList<>();
        member.session().get("/api/me/addresses").json().forEach(a -> {
            if (a.get("isDefault").asBoolean()) {
                ids.add(a.get("id").asLong());
            }
        });
        return ids;
    }
}
