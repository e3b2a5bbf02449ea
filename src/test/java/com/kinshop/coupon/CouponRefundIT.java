package com.kinshop.coupon;

import com.kinshop.shared.Allocation;
import com.kinshop.shared.Money;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coupon's discount split over a two-line order, and a partial refund of the discounted line: the buyer gets back
 * exactly what the refunded units paid (their share of the line's stored paid amount), never their catalog price.
 */
@KinshopIT
class CouponRefundIT extends MoneyPathTest {

    @Test
    void aPartialRefundOfADiscountedLineReturnsWhatItsUnitsPaid() {
        Staff staff = fixtures.supplier("退款茶行");
        long[] tea = fixtures.onSale(staff, "退款绿茶", 1_999, 20);
        long[] pot = fixtures.onSale(staff, "退款茶壶", 5_000, 20);
        Response template = fixtures.operator().post("/api/admin/coupon-templates", new HashMap<>(Map.of("title", "退款测试券", "kind", "NO_THRESHOLD",
                "amountFen", 1000, "scope", "PLATFORM", "validDays", 7, "totalQuantity", 10, "perMemberLimit", 1)));
        Member buyer = fixtures.member("退款买家");
        assertThat(buyer.session().post("/api/coupons/" + template.json().get("id").asLong() + "/claims", Map.of()).status()).isEqualTo(201);
        buyer.session().post("/api/me/cart/items", Map.of("skuId", tea[1], "quantity", 3));
        String order = purchases.placeAndPay(buyer, 1, pot[1]).orderNumbers().get(0);

        long orderId = purchases.orderId(order);
        Map<Long, long[]> lines = new HashMap<>(); // sku → [line id, paid, discount, quantity]
        jdbc.sql("select sku_id, id, paid_fen, discount_fen, quantity from order_line where order_id = ?").param(orderId)
                .query((rs, n) -> lines.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})).list();
        List<Money> shares = Allocation.proRata(Money.fen(1000), List.of(Money.fen(3 * 1_999), Money.fen(5_000)));
        assertThat(lines.get(tea[1])[2]).as("the tea line's pro-rata share of ¥10.00").isEqualTo(shares.get(0).fen());
        assertThat(lines.get(pot[1])[2]).isEqualTo(shares.get(1).fen());
        assertThat(lines.get(tea[1])[1] + lines.get(pot[1])[1]).isEqualTo(3 * 1_999 + 5_000 - 1_000);

        Response requested = buyer.session().post("/api/me/orders/" + order + "/after-sales",
                Map.of("lineId", lines.get(tea[1])[0], "kind", "REFUND_ONLY", "quantity", 2, "reason", "不想要了"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String number = requested.json().get("number").asString();
        assertThat(staff.session().post("/api/supplier/after-sales/" + number + "/approve", Map.of()).status()).isEqualTo(200);
        Purchases.await(number + " refunded", () -> "REFUNDED".equals(
                jdbc.sql("select status from after_sale where number = ?").param(number).query(String.class).single()));

        long refunded = jdbc.sql("select amount_fen from sandbox_refund where out_refund_no = ?").param(number).query(Long.class).single();
        assertThat(refunded).as("2 of 3 units of what the line paid after the coupon, not 2 × ¥19.99")
                .isEqualTo(Allocation.ofUnits(Money.fen(lines.get(tea[1])[1]), 3, 0, 2).fen())
                .isLessThan(2 * 1_999);
    }
}
