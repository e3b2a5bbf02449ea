package com.kinshop.catalog;

import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.ApiTest;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 入驻: apply, refusals, operator decisions, staff accounts. */
@KinshopIT
class SupplierOnboardingIT extends ApiTest {


    @Test
    void badApplicationsAreRefusedFieldByFieldAndCreateNothing() {
        Member member = fixtures.member("申请人");
        Map<String, Object> application = fixtures.application("", "12");
        application.put("licenceNo", "not-a-licence");
        application.put("categoryIds", List.of());
        application.put("depositYuan", -5);

        Response refused = member.session().post("/api/supplier-applications", application);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldError("companyName")).isEqualTo("请填写企业名称");
        assertThat(refused.fieldError("contactPhone")).isEqualTo("请输入正确的 11 位手机号");
        assertThat(refused.fieldError("licenceNo")).isEqualTo("统一社会信用代码应为 18 位数字或大写字母");
        assertThat(refused.fieldError("categoryIds")).isEqualTo("请至少选择一个经营类目");
        assertThat(refused.fieldError("depositYuan")).isEqualTo("保证金应为 0 到 1000000 元的整数");
        assertThat(applications(member.id())).isZero();

        Map<String, Object> subCategory = fixtures.application("子类目公司", member.phone());
        subCategory.put("categoryIds", List.of(fixtures.leafCategory()));
        assertThat(member.session().post("/api/supplier-applications", subCategory).fieldError("categoryIds")).isEqualTo("经营类目不存在或不是一级分类");
    }

    @Test
    void approvalMakesTheApplicantStaffAndEndsTheirOldSession() {
        Member member = fixtures.member("未来供应商");
        Response applied = member.session().post("/api/supplier-applications", fixtures.application("优品食品有限公司", member.phone()));
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.json().get("status").asString()).isEqualTo("PENDING");
        long id = applied.json().get("id").asLong();

        Response again = member.session().post("/api/supplier-applications", fixtures.application("又一家", member.phone()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("你已有一份待审核的申请");
        assertThat(member.session().get("/api/supplier/products").status()).as("not staff before approval").isEqualTo(403);

        Response approved = fixtures.operator().post("/api/admin/suppliers/" + id + "/approve", Map.of());
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(member.session().get("/api/me").status()).as("role change ends the session").isEqualTo(401);

        var staff = fixtures.signIn(member.phone(), "secret123");
        assertThat(staff.get("/api/supplier/products").status()).isEqualTo(200);
        assertThat(staff.get("/api/supplier-applications/mine").json().get("status").asString()).isEqualTo("APPROVED");
        Response twice = fixtures.operator().post("/api/admin/suppliers/" + id + "/approve", Map.of());
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void rejectionNeedsAReasonAndTheApplicantMayApplyAgain() {
        Member member = fixtures.member("被驳回");
        long id = member.session().post("/api/supplier-applications", fixtures.application("驳回公司", member.phone())).json().get("id").asLong();
        var operator = fixtures.operator();

        Response noReason = operator.post("/api/admin/suppliers/" + id + "/reject", Map.of("reason", " "));
        assertThat(noReason.fieldError("reason")).isEqualTo("请填写原因（不超过 200 字）");
        Response rejected = operator.post("/api/admin/suppliers/" + id + "/reject", Map.of("reason", "营业执照不清晰"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(member.session().get("/api/supplier-applications/mine").json().get("reviewReason").asString()).isEqualTo("营业执照不清晰");

        assertThat(member.session().post("/api/supplier-applications", fixtures.application("驳回公司", member.phone())).status()).isEqualTo(201);
    }

    @Test
    void aLicenceNumberCanOnlyApplyOnceAndStaffAreAddedByPhone() {
        Fixtures.Staff staff = fixtures.supplier("加员工公司");
        String licence = jdbc.sql("select licence_no from supplier where id = ?").param(staff.supplierId()).query(String.class).single();
        Member copycat = fixtures.member("冒用者");
        Map<String, Object> copy = fixtures.application("冒用公司", copycat.phone());
        copy.put("licenceNo", licence);
        assertThat(copycat.session().post("/api/supplier-applications", copy).fieldError("licenceNo")).isEqualTo("该统一社会信用代码已提交过入驻申请");

        Member colleague = fixtures.member("同事");
        assertThat(staff.session().post("/api/supplier/staff", Map.of("phone", colleague.phone())).status())
                .as("a supplier cannot pull someone else's account into its staff").isEqualTo(404);
        assertThat(staff.session().post("/api/admin/suppliers/" + staff.supplierId() + "/staff", Map.of("phone", colleague.phone())).status())
                .isEqualTo(403);
        String staffPath = "/api/admin/suppliers/" + staff.supplierId() + "/staff";
        assertThat(fixtures.operator().post(staffPath, Map.of("phone", colleague.phone())).status()).isEqualTo(201);
        assertThat(fixtures.signIn(colleague.phone(), "secret123").get("/api/supplier/products").status()).isEqualTo(200);
        assertThat(fixtures.operator().post(staffPath, Map.of("phone", "13399999999")).fieldError("phone")).isEqualTo("该手机号还没有注册账号");
    }

    @Test
    void aSupplierSetsItsShippingRuleAndBuyersSeeIt() {
        Fixtures.Staff staff = fixtures.supplier("运费公司");
        long product = fixtures.onSale(staff, "运费测试商品", 3000, 5)[0];
        assertThat(new com.kinshop.support.HttpSession(port).get("/p/" + product).body()).contains("包邮");

        Response saved = staff.session().put("/api/supplier/shipping", Map.of("flatFeeFen", 800, "freeOverFen", 9900));
        assertThat(saved.json().get("freeOverFen").asLong()).isEqualTo(9900);
        assertThat(new com.kinshop.support.HttpSession(port).get("/p/" + product).body()).contains("运费 ¥8.00，满 ¥99.00 包邮");

        assertThat(staff.session().put("/api/supplier/shipping", Map.of("flatFeeFen", -1)).fieldError("flatFeeFen"))
                .isEqualTo("每单运费应在 0 到 1000 元之间");
        assertThat(staff.session().put("/api/supplier/shipping", Map.of("flatFeeFen", 500, "freeOverFen", 0)).fieldError("freeOverFen"))
                .isEqualTo("包邮门槛应大于 0 且不超过 100 万元");
        assertThat(staff.session().get("/api/supplier/shipping").json().get("flatFeeFen").asLong()).isEqualTo(800);
        assertThat(fixtures.member("改运费").session().put("/api/supplier/shipping", Map.of("flatFeeFen", 0)).status()).isEqualTo(403);
    }

    private int applications(long accountId) {
        return jdbc.sql("select count(*) from supplier where applicant_account_id = ?").param(accountId).query(Integer.class).single();
    }
}
