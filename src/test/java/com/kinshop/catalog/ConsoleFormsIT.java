package com.kinshop.catalog;

import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.ApiTest;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console pages as a browser submits them: the product form in yuan, the review queue, the application form. */
@KinshopIT
class ConsoleFormsIT extends ApiTest {


    @Test
    void aSupplierWritesAProductInYuanAndAnOperatorApprovesItFromTheQueue() {
        Staff staff = fixtures.supplier("表单公司");
        HttpSession console = staff.session();
        Map<String, String> form = productForm("表单蜂蜜", "19.90", "9.00", "RATE", "15", "30");
        form.put("skus[1].spec", "坏价格");
        form.put("skus[1].retail", "十块");
        form.put("skus[1].supply", "1");
        form.put("skus[1].commission", "0");
        form.put("skus[1].stock", "1");

        Response refused = console.postForm("/console/supplier/products/new", "/console/supplier/products", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("请输入正确的金额", "表单蜂蜜");
        assertThat(products(staff)).isZero();

        form.put("skus[1].retail", "5.00");
        form.put("skus[1].supply", "4.80");
        Response ruleBroken = console.postForm("/console/supplier/products/new", "/console/supplier/products", form);
        assertThat(ruleBroken.body()).contains("规格「坏价格」：供货价 4.80 + 佣金 0.00 + 平台服务费 0.25 超过了零售价 5.00");

        form.remove("skus[1].spec");
        form.remove("skus[1].retail");
        form.remove("skus[1].supply");
        form.remove("skus[1].commission");
        form.remove("skus[1].stock");
        Response saved = console.postForm("/console/supplier/products/new", "/console/supplier/products", form);
        assertThat(saved.status()).isEqualTo(302);
        long id = Long.parseLong(saved.header("location").replaceAll(".*/products/(\\d+).*", "$1"));
        assertThat(jdbc.sql("select retail_fen || '/' || supply_fen || '/' || commission_kind || commission_value || '/' || stock from sku where product_id = ?")
                .param(id).query(String.class).single()).isEqualTo("1990/900/RATE1500/30");
        assertThat(console.get("/console/supplier/products/" + id).body()).contains("表单蜂蜜", "19.90", "草稿");

        Fixtures.upload(console, "/api/supplier/products/" + id + "/images", "image", Fixtures.png(100, 100));
        assertThat(console.postForm("/console/supplier/products/" + id, "/console/supplier/products/" + id + "/submit", Map.of()).status()).isEqualTo(302);
        HttpSession operator = fixtures.operator();
        assertThat(operator.get("/console/admin/reviews").body()).contains("表单蜂蜜");
        Response approved = operator.postForm("/console/admin/reviews", "/console/admin/reviews/" + id + "/approve", Map.of());
        assertThat(approved.status()).isEqualTo(302);
        assertThat(operator.get("/console/admin/reviews").body()).contains("已通过，商品已上架").doesNotContain("表单蜂蜜");
        assertThat(new HttpSession(port).get("/p/" + id).body()).contains("表单蜂蜜", "¥19.90");
    }

    @Test
    void aRefusedShippingFormKeepsWhatWasTypedAndMarksTheField() {
        Staff staff = fixtures.supplier("运费表单公司");
        Response refused = staff.session().postForm("/console/supplier/shipping", "/console/supplier/shipping", Map.of("flatFee", "-3", "freeOver", "88"));
        assertThat(refused.status()).isEqualTo(302);
        String page = staff.session().get("/console/supplier/shipping").body();
        assertThat(page).contains("value=\"-3\"").contains("value=\"88\"").contains("is-invalid");
        assertThat(jdbc.sql("select count(*) from supplier_shipping where supplier_id = ? and flat_fee_fen < 0").param(staff.supplierId())
                .query(Integer.class).single()).isZero();
        assertThat(staff.session().get("/console/supplier/shipping").body()).as("only once, after the refusal").doesNotContain("value=\"-3\"");
    }

    @Test
    void aRefusedTierShareKeepsWhatWasTypedInItsRow() {
        var operator = fixtures.operator();
        Response refused = operator.postForm("/console/admin/distribution", "/console/admin/distribution/tiers/MEMBER",
                Map.of("level1Percent", "90", "level2Percent", "20"));
        assertThat(refused.status()).isEqualTo(302);
        String page = operator.get("/console/admin/distribution").body();
        String row = page.substring(page.indexOf("data-tier=\"MEMBER\""), page.indexOf("data-tier=\"MEMBER\"") + 1500);
        assertThat(row).contains("value=\"90\"").contains("value=\"20\"");
        assertThat(jdbc.sql("select level1_share_bp from tier where code = 'MEMBER'").query(Integer.class).single()).as("nothing saved").isNotEqualTo(9000);
    }

    @Test
    void aMemberAppliesThroughTheFormAndSeesTheDecision() {
        Fixtures.Member member = fixtures.member("表单申请人");
        Response refused = member.session().postForm("/supplier/apply", "/supplier/apply",
                Map.of("companyName", "", "contactName", "王", "contactPhone", member.phone(), "licenceNo", "123", "depositYuan", "0"));
        assertThat(refused.body()).contains("请填写企业名称", "统一社会信用代码应为 18 位数字或大写字母", "请至少选择一个经营类目");

        Response applied = member.session().postForm("/supplier/apply", "/supplier/apply", Map.of("companyName", "表单食品厂",
                "contactName", "王", "contactPhone", member.phone(), "licenceNo", Fixtures.licence(),
                "categoryIds", String.valueOf(fixtures.topCategory()), "depositYuan", "500"));
        assertThat(applied.status()).isEqualTo(302);
        assertThat(member.session().get("/supplier/apply").body()).contains("表单食品厂", "待审核");
        assertThat(fixtures.operator().get("/console/admin/suppliers?status=PENDING").body()).contains("表单食品厂", "保证金 ¥500.00");
    }

    private Map<String, String> productForm(String name, String retail, String supply, String kind, String commission, String stock) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("subtitle", "农家土蜂蜜");
        form.put("categoryId", String.valueOf(fixtures.leafCategory()));
        form.put("description", "<p>好蜜</p>");
        form.put("attributes[0].name", "产地");
        form.put("attributes[0].value", "秦岭");
        form.put("skus[0].spec", "500g");
        form.put("skus[0].retail", retail);
        form.put("skus[0].supply", supply);
        form.put("skus[0].commissionKind", kind);
        form.put("skus[0].commission", commission);
        form.put("skus[0].stock", stock);
        form.put("skus[1].commissionKind", "RATE");
        return form;
    }

    private int products(Staff staff) {
        return jdbc.sql("select count(*) from product where supplier_id = ?").param(staff.supplierId()).query(Integer.class).single();
    }
}
