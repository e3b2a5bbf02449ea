package com.kinshop.ordering;

import com.kinshop.payment.Refunds;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ordering's seams for promotion modules, called as a module would (no play module exists yet): a held order cannot ship
 * until its holder releases it, and a whole unshipped order is refunded once on its original path.
 */
@KinshopIT
class OrderHoldsIT extends MoneyPathTest {

    private static final Map<String, String> PARCEL = Map.of("carrier", "顺丰速运", "trackingNumber", "SF1234567890");

    @Autowired
    OrderHolds holds;
    @Autowired
    WholeOrderRefunds wholeOrderRefunds;
    @Autowired
    Refunds paymentRefunds;

    @Test
    void aHeldOrderIsListedApartAndCannotShipUntilItsHolderReleasesIt() {
        Staff supplier = fixtures.supplier("成团果园");
        long sku = fixtures.onSale(supplier, "成团脐橙", 3_000, 10)[1];
        Member buyer = fixtures.member("成团买家");
        String held = purchases.placeAndPay(buyer, 1, sku).orderNumbers().get(0);
        String free = purchases.placeAndPay(buyer, 1, sku).orderNumbers().get(0);

        holds.hold(held, "groupbuy");
        holds.hold(held, "groupbuy"); // holding again for the same module changes nothing
        assertThatThrownBy(() -> holds.hold(held, "bargain")).isInstanceOf(BusinessException.class);
        assertThat(holds.heldBy(held)).contains("groupbuy");

        Map<String, Boolean> heldInApi = new java.util.HashMap<>();
        supplier.session().get("/api/supplier/orders?status=PAID").json()
                .forEach(order -> heldInApi.put(order.get("number").asString(), order.get("held").asBoolean()));
        assertThat(heldInApi).containsEntry(held, true).containsEntry(free, false);

        Response refused = supplier.session().post("/api/supplier/orders/" + held + "/shipment", PARCEL);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).isEqualTo("该订单正在等待活动结果（如待成团），暂不能发货");
        String csvUpload = held + ",顺丰速运,SF100000009\n";
        Response row = fixtures.upload(supplier.session(), "/api/supplier/shipments?lang=en", "file", csvUpload.getBytes(StandardCharsets.UTF_8));
        assertThat(row.json().get(0).get("shipped").asBoolean()).as(row.body()).isFalse();
        assertThat(row.json().get(0).get("message").asString()).startsWith("This order is waiting for a promotion");
        assertThat(supplier.session().postForm("/console/supplier/orders", "/console/supplier/orders/" + held + "/shipment", PARCEL).status())
                .isLessThan(400);
        assertThat(purchases.status(held)).as("neither the API, the CSV nor the console shipped it").isEqualTo("PAID");

        // a refused parcel: the refusal shows at that order's form, which keeps what was typed
        supplier.session().postForm("/console/supplier/orders", "/console/supplier/orders/" + free + "/shipment",
                Map.of("carrier", "顺丰速运", "trackingNumber", "??"));
        String refusedPage = supplier.session().get("/console/supplier/orders?lang=zh_CN").body();
        assertThat(refusedPage).contains("data-testid=\"ship-error\"").contains("value=\"??\"").contains("value=\"顺丰速运\"");
        assertThat(purchases.status(free)).isEqualTo("PAID");

        String page = supplier.session().get("/console/supplier/orders?lang=zh_CN").body();
        String heldSection = page.substring(page.indexOf("data-testid=\"held-orders\""));
        assertThat(heldSection).contains(held, "待成团").doesNotContain(free);
        assertThat(page.substring(0, page.indexOf("data-testid=\"held-orders\""))).contains(free).doesNotContain("data-order=\"" + held + "\"");
        assertThat(supplier.session().get("/console/supplier/orders?lang=en").body()).contains(">Held<");
        String csv = new String(supplier.session().getBytes("/console/supplier/orders/to-ship.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains(free + ",").doesNotContain(held);

        assertThat(holds.release(held, "bargain")).as("only the holder releases").isFalse();
        assertThat(holds.release(held, "groupbuy")).isTrue();
        assertThat(holds.release(held, "groupbuy")).as("a retried release changes nothing").isFalse();
        assertThat(holds.heldBy(held)).isEmpty();
        Response shipped = supplier.session().post("/api/supplier/orders/" + held + "/shipment", PARCEL);
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThatThrownBy(() -> holds.hold(held, "groupbuy")).as("a shipped order cannot be held").isInstanceOf(BusinessException.class);
    }

    @Test
    void aHoldAndAShipmentAtTheSameMomentNeverBothWin() throws Exception {
        Staff supplier = fixtures.supplier("抢发果园");
        long sku = fixtures.onSale(supplier, "抢发橘子", 1_500, 50)[1];
        Member buyer = fixtures.member("抢发买家");
        Set<String> outcomes = new HashSet<>();
        for (int round = 0; round < 8; round++) {
            String order = purchases.placeAndPay(buyer, 1, sku).orderNumbers().get(0);
            AtomicInteger roles = new AtomicInteger();
            List<String> answers = Concurrently.all(2, () -> {
                if (roles.getAndIncrement() == 0) {
                    try {
                        holds.hold(order, "groupbuy");
                        return "held";
                    } catch (BusinessException refused) {
                        return "hold refused " + refused.status().value();
                    }
                }
                Response shipment = supplier.session().post("/api/supplier/orders/" + order + "/shipment", PARCEL);
                return "ship " + shipment.status();
            });
            String status = purchases.status(order);
            boolean heldNow = holds.heldBy(order).isPresent();
            if (answers.contains("held")) {
                assertThat(answers).as("a held order is not shipped").contains("ship 409");
                assertThat(status).isEqualTo("PAID");
                assertThat(heldNow).isTrue();
                outcomes.add("held");
            } else {
                assertThat(answers).as("a shipped order is not held").containsExactlyInAnyOrder("hold refused 409", "ship 200");
                assertThat(status).isEqualTo("SHIPPED");
                assertThat(heldNow).isFalse();
                outcomes.add("shipped");
            }
        }
        assertThat(outcomes).as("each round had exactly one winner").isNotEmpty();
    }

    @Test
    void twoSimultaneousWholeOrderRefundsRefundGoodsAndShippingOnce() throws Exception {
        Staff supplier = fixtures.supplier("退团果园");
        long sku = fixtures.onSale(supplier, "退团苹果", 2_500, 10)[1];
        Member buyer = fixtures.member("退团买家");
        var placed = purchases.placeAndPay(buyer, 2, sku);
        String order = placed.orderNumbers().get(0);
        holds.hold(order, "groupbuy");
        long total = jdbc.sql("select goods_fen + shipping_fen from orders where number = ?").param(order).query(Long.class).single();

        List<Object> answers = Concurrently.all(2, () -> {
            try {
                return wholeOrderRefunds.refund(order, "未成团，自动退款");
            } catch (BusinessException refused) {
                return refused;
            }
        });

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isInstanceOf(WholeOrderRefunds.Refund.class));
        List<WholeOrderRefunds.Refund> refunds = answers.stream().map(WholeOrderRefunds.Refund.class::cast).toList();
        assertThat(refunds).filteredOn(WholeOrderRefunds.Refund::refundedNow).hasSize(1);
        assertThat(refunds).allSatisfy(refund -> {
            assertThat(refund.amount()).isEqualTo(Money.fen(total));
            assertThat(refund.refundNumber()).isEqualTo(WholeOrderRefunds.refundNumberOf(order));
        });
        assertThat(purchases.status(order)).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("select count(*) from refund where payment_number = ?").param(purchases.paymentNumber(placed.checkoutNumber()))
                .query(Long.class).single()).as("one refund on the original payment").isEqualTo(1);
        assertThat(paymentRefunds.refundAmount(WholeOrderRefunds.refundNumberOf(order))).contains(Money.fen(total));
        assertThat(jdbc.sql("select refunded_fen = goods_fen + shipping_fen and held_by is null from orders where number = ?").param(order)
                .query(Boolean.class).single()).isTrue();
        assertThat(holds.release(order, "groupbuy")).as("the refund already let go of the hold").isFalse();
        assertThat(wholeOrderRefunds.refund(order, "再次退款").refundedNow()).isFalse();
    }

    @Test
    void onlyAPaidUnshippedOrderIsRefundedWhole() {
        Staff supplier = fixtures.supplier("整单退款果园");
        long sku = fixtures.onSale(supplier, "整单梨", 1_800, 10)[1];
        Member buyer = fixtures.member("整单买家");
        String shipped = purchases.placeAndPay(buyer, 1, sku).orderNumbers().get(0);
        assertThat(supplier.session().post("/api/supplier/orders/" + shipped + "/shipment", PARCEL).status()).isEqualTo(200);
        String unpaid = purchases.place(buyer, 1, sku).orderNumbers().get(0);

        assertThatThrownBy(() -> wholeOrderRefunds.refund(shipped, "发货后")).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("order.refund.shipped");
        assertThatThrownBy(() -> wholeOrderRefunds.refund(unpaid, "未付款")).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("order.refund.not-paid");
        assertThatThrownBy(() -> wholeOrderRefunds.refund(shipped, " ")).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("order.refund.reason.required");
        assertThat(purchases.status(shipped)).isEqualTo("SHIPPED");
        assertThat(purchases.status(unpaid)).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void anAfterSalesRefundThatEmptiesAnUnshippedOrderIsTheWholeOrderRefund() {
        Staff supplier = fixtures.supplier("售后整单果园");
        long sku = fixtures.onSale(supplier, "售后整单桃", 2_200, 10)[1];
        Member buyer = fixtures.member("售后整单买家");
        String order = purchases.placeAndPay(buyer, 2, sku).orderNumbers().get(0);
        holds.hold(order, "groupbuy");
        long line = jdbc.sql("select l.id from order_line l join orders o on o.id = l.order_id where o.number = ?").param(order).query(Long.class).single();
        Response asked = buyer.session().post("/api/me/orders/" + order + "/after-sales",
                Map.of("lineId", line, "kind", "REFUND_ONLY", "quantity", 2, "reason", "等不及成团"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String afterSale = asked.json().get("number").asString();

        assertThat(supplier.session().post("/api/supplier/after-sales/" + afterSale + "/approve", Map.of()).status()).isEqualTo(200);

        long total = jdbc.sql("select goods_fen + shipping_fen from orders where number = ?").param(order).query(Long.class).single();
        assertThat(purchases.status(order)).isEqualTo("REFUNDED");
        assertThat(paymentRefunds.refundAmount(afterSale)).as("refunded under the request's number, goods and shipping").contains(Money.fen(total));
        assertThat(jdbc.sql("select amount_fen from after_sale where number = ?").param(afterSale).query(Long.class).single()).isEqualTo(total);
        assertThat(holds.heldBy(order)).as("a refunded order is held by nobody").isEmpty();
        assertThatThrownBy(() -> wholeOrderRefunds.refund(order, "再退一次")).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("order.refund.already");
    }
}
