package com.kinshop.ordering;

import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The supplier's to-ship list and CSV name every line with its spec, and mark the orders a refund request holds back. */
@KinshopIT
class ToShipListIT extends MoneyPathTest {

    @Test
    void everyLineShowsProductSpecAndUnitsAndAnOpenRefundRequestIsMarked() {
        Staff supplier = fixtures.supplier("打包明细果园");
        long oranges = sku(supplier, "赣南脐橙", "5kg装");
        long apples = sku(supplier, "烟台苹果", "12个礼盒");
        Member buyer = fixtures.member("打包明细买家");
        String mixed = purchases.placeAndPay(buyer, 1, oranges, apples).orderNumbers().get(0);
        String held = purchases.placeAndPay(buyer, 2, oranges).orderNumbers().get(0);
        long heldLine = jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ?").param(held)
                .query(Long.class).single();
        Response refund = buyer.session().post("/api/me/orders/" + held + "/after-sales",
                Map.of("lineId", heldLine, "kind", "REFUND_ONLY", "quantity", 2, "reason", "不想要了"));
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);

        List<String> csv = new String(supplier.session().getBytes("/console/supplier/orders/to-ship.csv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(csv.get(0)).isEqualTo("\uFEFForder_number,carrier,tracking_number,receiver,phone,address,product,units,refund_requested");
        assertThat(row(csv, mixed)).endsWith(",赣南脐橙 · 5kg装 × 1; 烟台苹果 · 12个礼盒 × 1,2,");
        assertThat(row(csv, held)).endsWith(",赣南脐橙 · 5kg装 × 2,2,退款中");
        String page = supplier.session().get("/console/supplier/orders").body();
        assertThat(page).contains("赣南脐橙 · 5kg装 × 1", "烟台苹果 · 12个礼盒 × 1", "赣南脐橙 · 5kg装 × 2");
        assertThat(page.split("data-testid=\"refund-requested\"", -1)).as("one order is held").hasSize(2);
        assertThat(new String(supplier.session().getBytes("/console/supplier/orders/to-ship.csv?lang=en"), StandardCharsets.UTF_8))
                .contains(",赣南脐橙 · 5kg装 × 2,2,Refund requested");
        assertThat(supplier.session().get("/console/supplier/orders?lang=en").body()).contains("Refund requested");
    }

    private static String row(List<String> csv, String order) {
        return csv.stream().filter(line -> line.startsWith(order + ",")).findFirst().orElseThrow();
    }

    private long sku(Staff supplier, String name, String spec) {
        Response created = supplier.session().post("/api/supplier/products",
                fixtures.product(name, List.of(Fixtures.sku(spec, 6_800, 3_400, "RATE", 1000, 20))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Fixtures.upload(supplier.session(), "/api/supplier/products/" + id + "/images", "image", Fixtures.png(300, 300));
        assertThat(supplier.session().post("/api/supplier/products/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        assertThat(fixtures.operator().post("/api/admin/products/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        return created.json().get("skus").get(0).get("id").asLong();
    }
}
