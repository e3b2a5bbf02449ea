package com.kinshop.ordering;

import com.kinshop.catalog.SkuId;
import com.kinshop.identity.AccountId;
import com.kinshop.ledger.Ledger;
import com.kinshop.shared.Money;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.MutableClock;
import com.kinshop.support.ProbeParticipant;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checkout seam as a play module uses it, through a probe participant standing where coupons and group buy will:
 * discounts offered are priced, stored and booked to the fen (platform-funded as marketing expense, supplier-funded off
 * the payable); a refused reservation leaves nothing behind; a cancelled order is released exactly once; a promotion
 * checkout sells one SKU at the play's price as the play's kind.
 */
@KinshopIT
class CheckoutParticipantsIT extends MoneyPathTest {

    @Autowired
    ProbeParticipant probe;
    @Autowired
    Checkouts checkouts;
    @Autowired
    OrderTimers timers;
    @Autowired
    MutableClock clock;
    @Autowired
    Ledger ledger;

    private record Shop(Staff supplier, long skuA, long skuB) {
    }

    /** ¥19.99 (supply ¥9.99) and ¥10.00 (supply ¥5.00) from a supplier charging a flat ¥8.00 shipping. */
    private Shop shop(String name) {
        Staff supplier = fixtures.supplier(name + "供应商");
        assertThat(supplier.session().put("/api/supplier/shipping", Map.of("flatFeeFen", 800)).status()).isEqualTo(200);
        return new Shop(supplier, fixtures.onSale(supplier, name + "甲", 1_999, 20)[1], fixtures.onSale(supplier, name + "乙", 1_000, 20)[1]);
    }

    @Test
    void discountsArePricedStoredAndBookedToTheFenAfterAPartialRefund() {
        Shop shop = shop("参与折扣");
        Member buyer = fixtures.member("参与折扣买家");
        probe.enrol(buyer.id(), new ProbeParticipant.Plan(1_000, 500, false));
        // two levels of commission: the buyer arrives through 店主一's link; 店主一 was invited by 店主二
        Member upline = fixtures.member("参与折扣店主二");
        Member sharer = fixtures.member("参与折扣店主一");
        Fixtures.bindTo(sharer, Fixtures.openShop(upline, "店主二的店", "pu"));
        String shopCode = Fixtures.openShop(sharer, "店主一的店", "ps");
        Fixtures.bindTo(buyer, shopCode);
        assertThat(buyer.session().get("/s/" + shopCode).status()).isEqualTo(200);
        // preview first: what checkout will charge, changing nothing
        buyer.session().post("/api/me/cart/items", Map.of("skuId", shop.skuA(), "quantity", 3));
        buyer.session().post("/api/me/cart/items", Map.of("skuId", shop.skuB(), "quantity", 3));
        JsonNode preview = buyer.session().post("/api/me/checkouts/preview", Map.of()).json();
        assertThat(preview.get("discount").get("fen").asLong()).isEqualTo(1_500);
        assertThat(preview.get("payable").get("fen").asLong()).isEqualTo(8_997 - 1_500 + 800);
        assertThat(preview.get("orders").get(0).get("discounts").get(0).get("funder").asString()).isEqualTo("PLATFORM");

        Response placed = buyer.session().post("/api/me/checkouts", Map.of("addressId", purchases.address(buyer)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String checkout = placed.json().get("checkoutNumber").asString();
        String order = placed.json().get("orders").get(0).asString();
        long orderId = purchases.orderId(order);
        assertThat(probe.reserved).anyMatch(reserved -> reserved.orderNumber().equals(order)
                && reserved.refs().containsAll(List.of("probe:platform:" + shop.supplier().supplierId(), "probe:supplier:" + shop.supplier().supplierId())));
        // platform ¥10.00 pro rata over 59.97 : 30.00 → 6.66 + 3.34; then supplier ¥5.00 over what is left (53.31 : 26.66) → 3.33 + 1.67
        assertThat(jdbc.sql("""
                        select paid_fen || '/' || platform_discount_fen || '/' || supplier_discount_fen || '/' || commission_budget_fen
                        from order_line where order_id = ? order by sku_id""").param(orderId).query(String.class).list())
                .containsExactly("4998/666/333/499", "2499/334/167/249");
        assertThat(jdbc.sql("select total_fen from orders where id = ?").param(orderId).query(Long.class).single()).isEqualTo(8_297);

        purchases.cashier(buyer, purchases.startPayment(buyer, checkout).get("payUrl").asString(), "pay");
        Purchases.await("paid", () -> "PAID".equals(purchases.status(order)));
        JsonNode detail = buyer.session().get("/api/me/orders/" + order).json();
        assertThat(detail.get("discounts")).hasSize(2);
        assertThat(detail.get("discounts").get(0).get("label").asString()).isEqualTo("平台立减");

        long lineA = jdbc.sql("select id from order_line where order_id = ? and sku_id = ?").params(orderId, shop.skuA()).query(Long.class).single();
        Response requested = buyer.session().post("/api/me/orders/" + order + "/after-sales",
                Map.of("lineId", lineA, "kind", "REFUND_ONLY", "quantity", 1, "reason", "不想要了"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String afterSale = requested.json().get("number").asString();
        assertThat(shop.supplier().session().post("/api/supplier/after-sales/" + afterSale + "/approve", Map.of()).status()).isEqualTo(200);
        Purchases.await("refunded", () -> "REFUNDED".equals(
                jdbc.sql("select status from after_sale where number = ?").param(afterSale).query(String.class).single()));
        assertThat(jdbc.sql("select amount_fen from sandbox_refund where out_refund_no = ?").param(afterSale).query(Long.class).single())
                .as("a third of what line A paid (49.98)").isEqualTo(1_666);

        assertThat(shop.supplier().session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "SF" + order))
                .status()).isEqualTo(200);
        assertThat(buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        timers.runDue();
        assertThat(purchases.status(order)).isEqualTo("COMPLETED");
        // commission at both levels: worked out on the discounted budgets (¥4.99 and ¥2.49), line A's cut back to its 2 kept units
        List<Map<String, Object>> commissions = jdbc.sql("""
                        select c.level, c.beneficiary_id, c.base_fen, c.amount_fen, c.cancelled_fen, l.sku_id from commission c
                        join order_line l on l.id = c.order_line_id where c.order_id = ? order by l.sku_id, c.level""")
                .param(orderId).query().listOfRows();
        assertThat(commissions).extracting(row -> ((Number) row.get("level")).intValue() + "/" + ((Number) row.get("beneficiary_id")).longValue()
                        + "/" + ((Number) row.get("base_fen")).longValue())
                .containsExactly("1/" + sharer.id() + "/499", "2/" + upline.id() + "/499", "1/" + sharer.id() + "/249", "2/" + upline.id() + "/249");
        long commissionKept = 0;
        for (Map<String, Object> row : commissions) {
            long amount = ((Number) row.get("amount_fen")).longValue();
            long kept = amount - ((Number) row.get("cancelled_fen")).longValue();
            boolean onLineA = ((Number) row.get("sku_id")).longValue() == shop.skuA();
            assertThat(kept).as("level %s on line %s", row.get("level"), onLineA ? "A" : "B").isEqualTo(onLineA ? amount * 2 / 3 : amount);
            commissionKept += kept;
        }
        assertThat(commissionKept).isPositive();
        // Settlement of the units kept (2 of A, 3 of B): escrow holds what was paid less the refund and the commission kept.
        // Supplier: supply 2×9.99 + 3×5.00 less its discount on them (3.33 − 1.11 + 1.67) + ¥8.00 shipping. Marketing: the
        // platform discount on them (6.66 − 2.22 + 3.34). Revenue: the ¥35.00 an undiscounted order would leave, less commission.
        assertThat(settled(orderId)).containsEntry("supplier:" + shop.supplier().supplierId() + ":payable", -3_909L)
                .containsEntry("platform:marketing", 778L).containsEntry("platform:revenue", -(3_500L - commissionKept))
                .containsEntry("order:" + orderId + ":escrow", 8_297L - 1_666L - commissionKept);
    }

    private Map<String, Long> settled(long orderId) {
        Map<String, Long> entries = new java.util.HashMap<>();
        jdbc.sql("""
                        select a.code, e.amount_fen from ledger_entry e join ledger_journal j on j.id = e.journal_id join ledger_account a on a.id = e.account_id
                        where j.business_key = ?""").param("order-settled:" + orderId)
                .query(rs -> {
                    entries.put(rs.getString(1), rs.getLong(2));
                });
        return entries;
    }

    @Test
    void aRefusedReservationLeavesNoOrderNoReservedUnitAndTheCartAsItWas() {
        Shop shop = shop("参与拒绝");
        Member buyer = fixtures.member("参与拒绝买家");
        probe.enrol(buyer.id(), new ProbeParticipant.Plan(100, 0, true));
        int stockBefore = available(shop.skuA());
        buyer.session().post("/api/me/cart/items", Map.of("skuId", shop.skuA(), "quantity", 2));

        Response refused = buyer.session().post("/api/me/checkouts", Map.of("addressId", purchases.address(buyer)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from orders where buyer_id = ?").param(buyer.id()).query(Integer.class).single()).isZero();
        assertThat(available(shop.skuA())).isEqualTo(stockBefore);
        assertThat(jdbc.sql("select quantity from cart_item where account_id = ?").param(buyer.id()).query(Integer.class).list()).containsExactly(2);
    }

    @Test
    void aCancelledOrderIsReleasedOnceWhenTheBuyerAndThePaymentTimeoutRace() throws Exception {
        Shop shop = shop("参与取消");
        for (int round = 0; round < 3; round++) {
            Member buyer = fixtures.member("参与取消买家" + round);
            probe.enrol(buyer.id(), new ProbeParticipant.Plan(200, 0, false));
            String order = purchases.place(buyer, 1, shop.skuA()).orderNumbers().get(0);
            clock.advance(Duration.ofMinutes(31));
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<Integer> answers = Concurrently.all(2, () -> {
                if (turn.getAndIncrement() == 0) {
                    return buyer.session().post("/api/me/orders/" + order + "/cancel", Map.of()).status();
                }
                timers.runDue();
                return 200;
            });
            assertThat(answers).allMatch(status -> status == 200 || status == 409);
            assertThat(purchases.status(order)).isEqualTo("CANCELLED");
            assertThat(probe.releases.get(order)).as("released exactly once").hasValue(1);
            assertThat(probe.released).filteredOn(released -> released.orderNumber().equals(order))
                    .singleElement().satisfies(released -> assertThat(released.refs()).containsExactly("probe:platform:" + shop.supplier().supplierId()));
        }
    }

    @Test
    void aPromotionCheckoutSellsOneSkuAtThePlaysPriceAsThePlaysKind() {
        Shop shop = shop("参与拼团");
        Member buyer = fixtures.member("参与拼团买家");
        long address = purchases.address(buyer);
        Checkouts.Placed placed = checkouts.promotionCheckout(new Checkouts.PromotionOrder(new AccountId(buyer.id()), new Addresses.AddressId(address),
                new SkuId(shop.skuA()), 2, null, Money.fen(1_500), OrderKind.GROUP, "group:42", Duration.ofMinutes(5)));
        String order = placed.orderNumbers().get(0);
        assertThat(placed.payable()).isEqualTo(Money.fen(2 * 1_500 + 800));
        assertThat(jdbc.sql("select kind || '/' || promotion_ref || '/' || extract(epoch from pay_deadline - created_at)::int from orders where number = ?")
                .param(order).query(String.class).single()).isEqualTo("GROUP/group:42/300");
        assertThat(jdbc.sql("select unit_price_fen || '/' || paid_fen from order_line l join orders o on o.id = l.order_id where o.number = ?")
                .param(order).query(String.class).single()).isEqualTo("1500/3000");
        assertThatThrownBy(() -> checkouts.promotionCheckout(new Checkouts.PromotionOrder(new AccountId(buyer.id()), new Addresses.AddressId(address),
                new SkuId(shop.skuA()), 1, null, Money.fen(1_500), OrderKind.NORMAL, "group:42", null))).isInstanceOf(IllegalArgumentException.class);
        assertThat(buyer.session().post("/api/me/orders/" + order + "/cancel", Map.of()).status()).isEqualTo(200);
    }

    private int available(long sku) {
        return jdbc.sql("select stock from sku where id = ?").param(sku).query(Integer.class).single();
    }
}
