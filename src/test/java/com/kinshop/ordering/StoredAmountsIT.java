package com.kinshop.ordering;

import com.kinshop.ledger.Ledger;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the buyer pays is stored per line and per order when it is priced, and everything after (payment, refunds,
 * the supplier's channel report, the order page) reads those figures, never unit price × quantity.
 */
@KinshopIT
class StoredAmountsIT extends MoneyPathTest {

    @Autowired
    Ledger ledger;

    private record Placed(Staff supplier, Member buyer, String checkout, String order, long orderId, long lineA, long lineB) {
    }

    /** 3 × ¥19.99 and 3 × ¥10.00 from one supplier charging ¥8.00 shipping: ¥89.97 of goods, ¥97.97 in all. */
    private Placed placed(String name) {
        Staff supplier = fixtures.supplier(name + "供应商");
        assertThat(supplier.session().put("/api/supplier/shipping", Map.of("flatFeeFen", 800)).status()).isEqualTo(200);
        long[] a = fixtures.onSale(supplier, name + "甲", 1_999, 10);
        long[] b = fixtures.onSale(supplier, name + "乙", 1_000, 10);
        Member buyer = fixtures.member(name + "买家");
        Purchases.Placed placed = purchases.place(buyer, 3, a[1], b[1]);
        String order = placed.orderNumbers().get(0);
        long orderId = purchases.orderId(order);
        List<Long> lines = jdbc.sql("select id from order_line where order_id = ? order by sku_id").param(orderId).query(Long.class).list();
        return new Placed(supplier, buyer, placed.checkoutNumber(), order, orderId, lines.get(0), lines.get(1));
    }

    @Test
    void checkoutStoresWhatEachLinePaysAndEachOrderTotals() {
        Placed placed = placed("存金额");
        assertThat(jdbc.sql("select paid_fen || '/' || discount_fen || '/' || commission_budget_fen from order_line where order_id = ? order by sku_id")
                .param(placed.orderId()).query(String.class).list()).as("paid / discount / budget (10%% of paid)")
                .containsExactly("5997/0/599", "3000/0/300");
        assertThat(jdbc.sql("select goods_fen || '/' || discount_fen || '/' || shipping_fen || '/' || total_fen from orders where id = ?")
                .param(placed.orderId()).query(String.class).single()).isEqualTo("8997/0/800/9797");

        JsonNode detail = placed.buyer().session().get("/api/me/orders/" + placed.order()).json();
        assertThat(detail.get("summary").get("total").get("fen").asLong()).isEqualTo(9_797);
        assertThat(detail.get("summary").get("discount").get("fen").asLong()).isZero();
        assertThat(detail.get("lines").get(0).get("paid").get("fen").asLong()).isEqualTo(5_997);
        assertThat(placed.buyer().session().get("/me/orders/" + placed.order()).body()).as("no discount, no discount row")
                .doesNotContain("data-testid=\"order-discount\"");
        // the pictures of what was bought, on the order and in the list (as the cart showed them)
        assertThat(placed.buyer().session().get("/me/orders/" + placed.order()).body()).contains("class=\"ks-order-thumb\" src=\"/media/products/");
        assertThat(placed.buyer().session().get("/me/orders").body()).contains("class=\"ks-order-thumb\" src=\"/media/products/");
    }

    @Test
    void aDiscountedOrderIsPaidRefundedAndReportedByWhatWasPaidToTheFen() {
        Placed placed = placed("折后退款");
        // ¥10.00 platform discount as checkout will store it for a coupon: pro rata 5997:3000 → 666 and the remainder 334
        jdbc.sql("update order_line set paid_fen = 5331, discount_fen = 666, platform_discount_fen = 666, commission_budget_fen = 533 where id = ?")
                .param(placed.lineA()).update();
        jdbc.sql("update order_line set paid_fen = 2666, discount_fen = 334, platform_discount_fen = 334, commission_budget_fen = 266 where id = ?")
                .param(placed.lineB()).update();
        jdbc.sql("update orders set discount_fen = 1000, total_fen = 8797 where id = ?").param(placed.orderId()).update();
        jdbc.sql("update checkout set payable_fen = 8797 where number = ?").param(placed.checkout()).update();

        purchases.cashier(placed.buyer(), purchases.startPayment(placed.buyer(), placed.checkout()).get("payUrl").asString(), "pay");
        Purchases.await("paid", () -> "PAID".equals(purchases.status(placed.order())));
        assertThat(purchases.amountFen(purchases.paymentNumber(placed.checkout()))).as("the stored total is collected").isEqualTo(8_797);
        assertThat(ledger.balance("order:" + placed.orderId() + ":escrow").fen()).isEqualTo(-8_797);

        String page = placed.buyer().session().get("/me/orders/" + placed.order()).body();
        assertThat(page).as("paid, the price before the discount struck through, the discount").contains("-¥10.00")
                .containsPattern("data-testid=\"line-paid\">¥53.31</b><s [^>]*data-testid=\"line-original\"[^>]*>¥59.97</s>")
                .contains(">优惠 ¥6.66<");
        assertThat(placed.buyer().session().get("/me/orders/" + placed.order() + "?lang=en").body()).contains("Discount").contains(">¥6.66 off<");

        assertThat(refund(placed, placed.lineA(), 1)).as("a third of 53.31, rounded down").isEqualTo(1_777);
        assertThat(placed.supplier().session().get("/api/supplier/channels").json().get(0).get("sales").get("fen").asLong())
                .as("what is still paid: 53.31 − 17.77 + 26.66").isEqualTo(6_220);
        assertThat(refund(placed, placed.lineA(), 2)).as("the rest of the line, its last unit carrying the remainder").isEqualTo(3_554);
        assertThat(refund(placed, placed.lineB(), 3)).as("26.66 and the ¥8.00 shipping with the order's last units").isEqualTo(3_466);

        assertThat(purchases.status(placed.order())).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("select sum(amount_fen) from after_sale where order_id = ?").param(placed.orderId()).query(Long.class).single())
                .as("everything paid came back, not a fen more").isEqualTo(8_797);
        assertThat(jdbc.sql("select refunded_goods_fen from orders where id = ?").param(placed.orderId()).query(Long.class).single())
                .isEqualTo(5_331 + 2_666);
        assertThat(ledger.balance("order:" + placed.orderId() + ":escrow").fen()).isZero();
    }

    /** Requests and grants a refund of {@code quantity} units of a line; answers its amount. */
    private long refund(Placed placed, long line, int quantity) {
        var requested = placed.buyer().session().post("/api/me/orders/" + placed.order() + "/after-sales",
                Map.of("lineId", line, "kind", "REFUND_ONLY", "quantity", quantity, "reason", "不想要了"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String number = requested.json().get("number").asString();
        assertThat(placed.supplier().session().post("/api/supplier/after-sales/" + number + "/approve", Map.of()).status()).isEqualTo(200);
        Purchases.await(number + " refunded", () -> "REFUNDED".equals(
                jdbc.sql("select status from after_sale where number = ?").param(number).query(String.class).single()));
        return jdbc.sql("select amount_fen from sandbox_refund where out_refund_no = ?").param(number).query(Long.class).single();
    }
}
