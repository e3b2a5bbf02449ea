package com.kinshop.catalog;

import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.Concurrently;
import com.kinshop.support.ApiTest;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.kinshop.support.Fixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;

/** The supplier console's product flow over HTTP: write, refuse bad input, review, sell, stock, access control. */
@KinshopIT
class SupplierProductsIT extends ApiTest {


    @Test
    void badProductsAreRefusedNamingTheSkuAndNothingIsSaved() {
        Staff staff = fixtures.supplier("坏数据公司");
        int before = productCount(staff);

        assertRefused(staff, List.of(sku("免费装", 0, 100, "RATE", 0, 1)), "skus[0].retailFen", "规格「免费装」的零售价必须大于 0");
        assertRefused(staff, List.of(sku("贵进装", 1000, 1200, "RATE", 0, 1)), "skus[0].supplyFen", "规格「贵进装」的供货价高于零售价");
        assertRefused(staff, List.of(sku("正常", 10000, 5000, "RATE", 1000, 1), sku("高佣装", 10000, 8000, "FIXED", 1600, 1)),
                "skus[1].commissionValue", "规格「高佣装」：供货价 80.00 + 佣金 16.00 + 平台服务费 5.00 超过了零售价 100.00");
        assertRefused(staff, List.of(sku("负库存", 1000, 500, "RATE", 0, -1)), "skus[0].stock", "库存不能为负数");
        assertRefused(staff, List.of(), "skus", "请至少填写一个规格（SKU）");
        assertRefused(staff, List.of(sku("同名", 1000, 500, "RATE", 0, 1), sku("同名", 2000, 500, "RATE", 0, 1)), "skus", "规格名称不能重复");
        assertRefused(staff, List.of(sku("天价", 100_000_000_000_000_000L, 500, "FIXED", 0, 1)), "skus[0].retailFen", "金额不能超过 100 万元");
        Map<String, Object> nullSku = fixtures.product("空规格", new java.util.ArrayList<>(java.util.Collections.singletonList(null)));
        assertThat(staff.session().post("/api/supplier/products", nullSku).status()).isEqualTo(400);
        Map<String, Object> tampered = fixtures.product("篡改", List.of(sku("a", 1000, 500, "RATE", 0, 1)));
        tampered.put("status", "ON_SALE");
        assertThat(staff.session().post("/api/supplier/products", tampered).fieldError("status")).isEqualTo("不支持此字段");

        assertThat(productCount(staff)).isEqualTo(before);
    }

    @Test
    void aProductGoesOnSaleOnlyAfterReviewAndIsFoundByChineseSearch() {
        Staff staff = fixtures.supplier("审核流公司");
        Response created = staff.session().post("/api/supplier/products", fixtures.product("<script>alert(1)</script>宁夏滩羊肉",
                List.of(sku("2斤装", 12800, 8000, "RATE", 1500, 10))));
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");

        Response noImage = staff.session().post("/api/supplier/products/" + id + "/submit", Map.of());
        assertThat(noImage.fieldError("images")).isEqualTo("请至少上传一张商品图片");
        Response notImage = Fixtures.upload(staff.session(), "/api/supplier/products/" + id + "/images", "image", "GIF89a<script>".getBytes());
        assertThat(notImage.fieldError("image")).isEqualTo("只支持 PNG、JPEG、GIF 图片");
        assertThat(Fixtures.upload(staff.session(), "/api/supplier/products/" + id + "/images", "image", Fixtures.png(500, 500)).status()).isEqualTo(200);
        assertThat(staff.session().post("/api/supplier/products/" + id + "/submit", Map.of()).json().get("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(search("滩羊")).as("not sellable before review").isEmpty();

        assertThat(fixtures.operator().post("/api/admin/products/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        assertThat(search("滩羊")).containsExactly(id);
        var publicView = new HttpSession(port).get("/api/catalog/products/" + id).json();
        assertThat(publicView.get("skus").get(0).get("price").get("fen").asLong()).isEqualTo(12_800);
        assertThat(publicView.toString()).as("buyers never see cost prices").doesNotContain("supply", "budget", "reviewReason");
        assertThat(search("宁夏滩")).containsExactly(id);
        String category = jdbc.sql("select name from category where id = (select category_id from product where id = ?)").param(id).query(String.class).single();
        var byCategoryName = new HttpSession(port).get("/api/catalog/products?sort=NEWEST&q=" + java.net.URLEncoder.encode(category, java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(byCategoryName.get(0).get("id").asLong()).as("the category's name finds its products").isEqualTo(id);
        String page = new HttpSession(port).get("/p/" + id).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;宁夏滩羊肉").doesNotContain("<script>alert(1)</script>");

        Response editOnSale = staff.session().put("/api/supplier/products/" + id, fixtures.product("改名", List.of(sku("2斤装", 100, 50, "RATE", 0, 1))));
        assertThat(editOnSale.status()).isEqualTo(409);
        assertThat(editOnSale.json().get("detail").asString()).isEqualTo("商品在售或待审核时不能修改，请先下架");

        assertThat(staff.session().post("/api/supplier/products/" + id + "/off-sale", Map.of()).json().get("status").asString()).isEqualTo("OFF_SALE");
        assertThat(search("滩羊")).isEmpty();
        Response offSalePage = new HttpSession(port).get("/p/" + id);
        assertThat(offSalePage.status()).as("off-sale content may be unreviewed, so it is not shown").isEqualTo(404);
        assertThat(offSalePage.body()).contains("该商品已下架").doesNotContain("宁夏滩羊肉");
    }

    @Test
    void descriptionsKeepFormattingButLoseScripts() {
        Staff staff = fixtures.supplier("富文本公司");
        Map<String, Object> product = fixtures.product("富文本商品", List.of(sku("a", 1000, 500, "RATE", 0, 1)));
        product.put("description", "<p onclick=\"steal()\"><b>好吃</b><script>alert(1)</script><img src=x onerror=alert(2)></p>");
        String stored = staff.session().post("/api/supplier/products", product).json().get("descriptionHtml").asString();
        assertThat(stored).contains("<b>好吃</b>").doesNotContain("script", "onclick", "onerror", "<img");
    }

    @Test
    void stockNeverGoesNegativeEvenUnderConcurrentDecrements() throws Exception {
        Staff staff = fixtures.supplier("库存公司");
        long[] product = fixtures.onSale(staff, "并发库存商品", 5000, 10);
        String path = "/api/supplier/skus/" + product[1] + "/stock";

        List<Response> results = Concurrently.all(20, () -> staff.session().post(path, Map.of("delta", -1)));

        assertThat(results).filteredOn(r -> r.status() == 200).hasSize(10);
        assertThat(results).as("every other request refused in words, none a 500").filteredOn(r -> r.status() == 400).hasSize(10).allSatisfy(r ->
                assertThat(r.json().get("detail").asString()).isEqualTo("库存不足，调整后会小于 0"));
        assertThat(stock(product[1])).isZero();
        assertThat(staff.session().post(path, Map.of("delta", 5)).json().get("stock").asInt()).isEqualTo(5);
        assertThat(staff.session().post(path, Map.of("delta", Integer.MAX_VALUE)).fieldError("delta")).isEqualTo("数量不能超过 1000 万");
    }

    @Test
    void oneSupplierCannotSeeOrTouchAnothersProducts() {
        Staff owner = fixtures.supplier("甲公司");
        Staff other = fixtures.supplier("乙公司");
        long[] product = fixtures.onSale(owner, "甲的商品", 3000, 5);

        assertThat(other.session().get("/api/supplier/products/" + product[0]).status()).isEqualTo(404);
        assertThat(other.session().post("/api/supplier/products/" + product[0] + "/off-sale", Map.of()).status()).isEqualTo(404);
        assertThat(other.session().post("/api/supplier/skus/" + product[1] + "/stock", Map.of("delta", -5)).status()).isEqualTo(404);
        assertThat(Fixtures.upload(other.session(), "/api/supplier/products/" + product[0] + "/images", "image", Fixtures.png(10, 10)).status())
                .isEqualTo(404);
        assertThat(stock(product[1])).isEqualTo(5);
        assertThat(fixtures.member("路人").session().get("/api/supplier/products").status()).isEqualTo(403);
        assertThat(new HttpSession(port).get("/api/supplier/products").status()).isEqualTo(401);
    }

    @Test
    void aSuspendedSuppliersProductsCannotBeSoldOrFound() {
        Staff staff = fixtures.supplier("暂停公司");
        long[] product = fixtures.onSale(staff, "暂停测试商品", 2000, 3);
        assertThat(search("暂停测试商品")).containsExactly(product[0]);

        var operator = fixtures.operator();
        assertThat(operator.post("/api/admin/suppliers/" + staff.supplierId() + "/suspend", Map.of("reason", "投诉较多")).status()).isEqualTo(200);
        assertThat(search("暂停测试商品")).isEmpty();
        assertThat(new HttpSession(port).get("/api/catalog/products/" + product[0]).status()).isEqualTo(404);

        operator.post("/api/admin/suppliers/" + staff.supplierId() + "/reinstate", Map.of());
        assertThat(search("暂停测试商品")).containsExactly(product[0]);
    }

    private void assertRefused(Staff staff, List<Map<String, Object>> skus, String field, String message) {
        Response refused = staff.session().post("/api/supplier/products", fixtures.product("坏商品", skus));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.fieldError(field)).as(refused.body()).isEqualTo(message);
    }

    private List<Long> search(String query) {
        List<Long> ids = new ArrayList<>();
        new HttpSession(port).get("/api/catalog/products?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
                .json().forEach(card -> ids.add(card.get("id").asLong()));
        return ids;
    }

    private int productCount(Staff staff) {
        return jdbc.sql("select count(*) from product where supplier_id = ?").param(staff.supplierId()).query(Integer.class).single();
    }

    private int stock(long sku) {
        return jdbc.sql("select stock from sku where id = ?").param(sku).query(Integer.class).single();
    }
}
