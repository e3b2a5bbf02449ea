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

import java.util.List;
import java.util.Map;

import static com.kinshop.support.Fixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;

/** The operator's catalog work: categories, platform fee, the review queue; and the storefront views it feeds. */
@KinshopIT
class OperatorCatalogIT extends ApiTest {

    HttpSession operator;

    @BeforeEach
    void signInOperator() {
        operator = fixtures.operator();
    }

    @Test
    void categoriesHaveTwoLevelsUniqueNamesAndOnlyEmptyOnesCanBeDeleted() {
        long top = operator.post("/api/admin/categories", Map.of("name", "运动户外")).json().get("id").asLong();
        long child = operator.post("/api/admin/categories", Map.of("name", "跑步装备", "parentId", top)).json().get("id").asLong();

        assertThat(operator.post("/api/admin/categories", Map.of("name", "跑鞋", "parentId", child)).fieldError("parentId"))
                .isEqualTo("分类最多两级：只能在一级分类下添加");
        assertThat(operator.post("/api/admin/categories", Map.of("name", "跑步装备", "parentId", top)).fieldError("name"))
                .isEqualTo("同级下已有同名分类");
        assertThat(operator.post("/api/admin/categories", Map.of("name", "")).fieldError("name")).isEqualTo("分类名称需为 1-20 个字");
        Response inUse = operator.delete("/api/admin/categories/" + top);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(operator.delete("/api/admin/categories/" + child).status()).isEqualTo(204);
        assertThat(operator.delete("/api/admin/categories/" + top).status()).isEqualTo(204);
        assertThat(fixtures.member("想改分类").session().post("/api/admin/categories", Map.of("name", "黑客")).status()).isEqualTo(403);
    }

    @Test
    void theReviewQueueChecksThePriceRuleAgainAtTodaysFee() {
        Staff staff = fixtures.supplier("费率公司");
        // 100.00 retail, 80.00 supply, 14.00 commission: fits at a 5% fee (99.00), not at 7% (101.00)
        long id = staff.session().post("/api/supplier/products", fixtures.product("费率边界商品", List.of(sku("a", 10000, 8000, "FIXED", 1400, 5))))
                .json().get("id").asLong();
        Fixtures.upload(staff.session(), "/api/supplier/products/" + id + "/images", "image", Fixtures.png(50, 50));
        staff.session().post("/api/supplier/products/" + id + "/submit", Map.of());
        assertThat(operator.get("/api/admin/product-reviews").json().findValues("name").stream().map(n -> n.asString())).contains("费率边界商品");

        try {
            assertThat(operator.put("/api/admin/settings", Map.of("platformFeeBp", 700)).status()).isEqualTo(200);
            Response refused = operator.post("/api/admin/products/" + id + "/approve", Map.of());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("detail").asString()).contains("规格「a」", "超过了零售价 100.00");
            assertThat(status(id)).isEqualTo("PENDING_REVIEW");
        } finally {
            operator.put("/api/admin/settings", Map.of("platformFeeBp", 500));
        }
        assertThat(operator.post("/api/admin/products/" + id + "/reject", Map.of("reason", "")).fieldError("reason")).isEqualTo("请填写原因（不超过 200 字）");
        assertThat(operator.post("/api/admin/products/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("ON_SALE");
        assertThat(operator.post("/api/admin/products/" + id + "/approve", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        Response refused = operator.put("/api/admin/settings", Map.of("platformFeeBp", 5000));
        assertThat(refused.fieldError("platformFeeBp")).isEqualTo("平台服务费应在 0% 到 30% 之间");
        assertThat(operator.get("/api/admin/settings").json().get("platformFeeBp").asInt()).isEqualTo(500);
    }

    @Test
    void buyersBrowseByCategoryAndSortByPrice() {
        Staff staff = fixtures.supplier("排序公司");
        long cheap = fixtures.onSale(staff, "排序测试 便宜款", 1000, 5)[0];
        long dear = fixtures.onSale(staff, "排序测试 贵价款", 9000, 5)[0];
        HttpSession buyer = new HttpSession(port);

        List<Long> ascending = ids(buyer.get("/api/catalog/products?q=%E6%8E%92%E5%BA%8F%E6%B5%8B%E8%AF%95&sort=PRICE_ASC"));
        List<Long> descending = ids(buyer.get("/api/catalog/products?q=%E6%8E%92%E5%BA%8F%E6%B5%8B%E8%AF%95&sort=PRICE_DESC"));
        assertThat(ascending).containsExactly(cheap, dear);
        assertThat(descending).containsExactly(dear, cheap);
        assertThat(ids(buyer.get("/api/catalog/products?category=" + fixtures.topCategory()))).as("a top category includes its children")
                .contains(cheap, dear);
        assertThat(buyer.get("/api/catalog/products?sort=CHEAPEST").status()).isEqualTo(400);
        assertThat(buyer.get("/").body()).contains("每日上新", "排序测试 贵价款");
    }

    private List<Long> ids(Response response) {
        List<Long> ids = new java.util.ArrayList<>();
        response.json().forEach(card -> ids.add(card.get("id").asLong()));
        return ids;
    }

    private String status(long product) {
        return jdbc.sql("select status from product where id = ?").param(product).query(String.class).single();
    }
}
