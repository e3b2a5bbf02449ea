package com.kinshop.coupon;

import com.kinshop.ordering.CheckoutParticipant;
import com.kinshop.ordering.OrderEvents;
import com.kinshop.ordering.OrderKind;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import com.kinshop.ordering.OrderLifecycle;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Coupons through checkout: picked or chosen, locked at checkout, used at payment, given back once on cancellation (race 7). */
@KinshopIT
class CouponCheckoutIT extends MoneyPathTest {

    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    CouponGrants grants;
    @Autowired
    CouponCheckout participant;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    com.kinshop.support.MutableClock clock;

    private Staff tea;
    private long[] product;

    @BeforeEach
    void aProductOfOneHundredYuan() {
        tea = fixtures.supplier("券后茶行" + UUID.randomUUID().toString().substring(0, 4));
        product = fixtures.onSale(tea, "百元好茶", 10_000, 500);
    }

    @Test
    void theServerPicksTheBestCouponsAndPaymentUsesThem() {
        long platform = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "平台满99减10"));
        long shop = template(tea.session(), "/api/supplier/coupon-templates", Map.of("title", "店铺无门槛5元", "kind", "NO_THRESHOLD",
                "amountFen", 500, "thresholdFen", 0, "scope", "SUPPLIER"));
        long lesser = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "平台满99减3", "amountFen", 300));
        Member buyer = fixtures.member("用券买家");
        long platformCoupon = claim(buyer, platform);
        long shopCoupon = claim(buyer, shop);
        long lesserCoupon = claim(buyer, lesser);

        JsonNode preview = buyer.session().post("/api/me/checkouts/preview", Map.of("skuId", product[1], "quantity", 1)).json();
        assertThat(preview.get("discount").get("fen").asLong()).isEqualTo(1500);
        Response placed = buyNow(buyer, null);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String order = placed.json().get("orders").get(0).asString();
        assertThat(placed.json().get("payable").get("fen").asLong()).as("¥100 - ¥5 (shop) - ¥10 (platform) + shipping")
                .isEqualTo(10_000 - 1500 + shipping(order));
        assertThat(state(shopCoupon)).isEqualTo("LOCKED");
        assertThat(state(platformCoupon)).isEqualTo("LOCKED");
        assertThat(state(lesserCoupon)).isEqualTo("UNUSED");
        JsonNode detail = buyer.session().get("/api/me/orders/" + order).json();
        assertThat(detail.get("discounts")).extracting(d -> d.get("label").asString() + "/" + d.get("funder").asString() + "/" + d.get("amount").get("fen").asLong())
                .containsExactlyInAnyOrder("店铺无门槛5元/SUPPLIER/500", "平台满99减10/PLATFORM/1000");

        purchases.cashier(buyer, purchases.startPayment(buyer, placed.json().get("checkoutNumber").asString()).get("payUrl").asString(), "pay");
        Purchases.await("coupons used", () -> "USED".equals(state(platformCoupon)) && "USED".equals(state(shopCoupon)));
        assertThat(buyer.session().get("/api/me/coupons?state=used").json()).extracting(c -> c.get("id").asLong() + ":" + c.get("discount").get("fen").asLong())
                .containsExactlyInAnyOrder(platformCoupon + ":1000", shopCoupon + ":500");
        JsonNode platformFigures = templateOf(fixtures.operator().get("/api/admin/coupon-templates").json(), platform);
        assertThat(platformFigures.get("used").asLong()).isEqualTo(1);
        assertThat(platformFigures.get("cost").get("fen").asLong()).isEqualTo(1000);
    }

    @Test
    void theBuyersChoiceIsAppliedExactlyAndABadChoiceChangesNothing() {
        long big = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "大券", "amountFen", 2000));
        long small = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "小券", "amountFen", 500));
        Member buyer = fixtures.member("自己选券");
        Member other = fixtures.member("别人");
        long bigCoupon = claim(buyer, big);
        long smallCoupon = claim(buyer, small);
        long othersCoupon = claim(other, small);
        long orders = orderCount();

        Response twoPlatform = buyNow(buyer, List.of(bigCoupon, smallCoupon));
        assertThat(twoPlatform.status()).isEqualTo(400);
        assertThat(twoPlatform.json().get("code").asString()).isEqualTo("coupon.two-platform-coupons");
        assertThat(twoPlatform.fieldError("couponIds")).contains("大券").contains("小券");
        Response twice = buyNow(buyer, List.of(smallCoupon, smallCoupon));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("code").asString()).isEqualTo("coupon.twice");
        assertThat(twice.fieldError("couponIds")).isNotBlank();
        Response someoneElses = buyNow(buyer, List.of(othersCoupon));
        assertThat(someoneElses.status()).isEqualTo(400);
        assertThat(someoneElses.json().get("code").asString()).isEqualTo("coupon.not-yours");
        assertThat(orderCount()).as("nothing placed").isEqualTo(orders);
        assertThat(List.of(state(bigCoupon), state(smallCoupon), state(othersCoupon))).containsOnly("UNUSED");

        Response none = buyNow(buyer, List.of());
        assertThat(none.status()).isEqualTo(201);
        assertThat(none.json().get("payable").get("fen").asLong()).isEqualTo(10_000 + shipping(none.json().get("orders").get(0).asString()));
        Response chosen = buyNow(buyer, List.of(smallCoupon));
        assertThat(chosen.status()).isEqualTo(201);
        assertThat(chosen.json().get("payable").get("fen").asLong()).isEqualTo(10_000 - 500 + shipping(chosen.json().get("orders").get(0).asString()));
        assertThat(state(smallCoupon)).isEqualTo("LOCKED");
        assertThat(state(bigCoupon)).isEqualTo("UNUSED");
        Response again = buyNow(buyer, List.of(smallCoupon));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("coupon.already-used");
    }

    @Test
    void thePreviewListsEveryCouponWithItsSavingOrWhyNotAndAGrantedCouponIsTheSuppliers() {
        long tooHigh = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "满200减30", "amountFen", 3000, "thresholdFen", 20_000));
        long percent = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "八五折", "kind", "PERCENT_OFF", "percentOff", 15,
                "capFen", 5000, "thresholdFen", 0));
        Member buyer = fixtures.member("看看预览");
        long tooHighCoupon = claim(buyer, tooHigh);
        long percentCoupon = claim(buyer, percent);
        long packet = grants.grant(new CouponGrants.Grant(new com.kinshop.identity.AccountId(buyer.id()), new com.kinshop.catalog.SupplierId(tea.supplierId()),
                com.kinshop.shared.Money.fen(327), clock.instant().plus(java.time.Duration.ofDays(1)), "茶行红包", "redpacket:test"));

        JsonNode preview = buyer.session().language("zh-CN").post("/api/me/checkouts/preview", Map.of("skuId", product[1], "quantity", 1)).json();
        Map<Long, JsonNode> options = new HashMap<>();
        preview.get("options").forEach(option -> options.put(option.get("couponId").asLong(), option));
        assertThat(options.get(tooHighCoupon).get("usable").asBoolean()).isFalse();
        assertThat(options.get(tooHighCoupon).get("unusableReason").asString()).contains("未满 ¥200");
        assertThat(options.get(percentCoupon).get("chosen").asBoolean()).isTrue();
        assertThat(options.get(percentCoupon).get("saving").get("fen").asLong()).as("15% of what is left after the ¥3.27 packet")
                .isEqualTo((10_000 - 327) * 15 / 100);
        assertThat(options.get(packet).get("chosen").asBoolean()).isTrue();
        assertThat(options.get(packet).get("supplierId").asLong()).isEqualTo(tea.supplierId());
        assertThat(preview.get("discount").get("fen").asLong()).isEqualTo(327 + (10_000 - 327) * 15 / 100);

        Response placed = buyNow(buyer, null);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        purchases.cashier(buyer, purchases.startPayment(buyer, placed.json().get("checkoutNumber").asString()).get("payUrl").asString(), "pay");
        Purchases.await("the packet used", () -> "USED".equals(state(packet)));
        assertThat(jdbc.sql("select discount_fen from member_coupon where id = ?").param(packet).query(Long.class).single()).isEqualTo(327);
        assertThat(jdbc.sql("select source from member_coupon where id = ?").param(packet).query(String.class).single()).isEqualTo("redpacket:test");
    }

    @Test
    void aCategoryCouponCoversProductsOfItsSubCategories() {
        long top = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "大类券", "kind", "NO_THRESHOLD",
                "amountFen", 700, "thresholdFen", 0, "scope", "CATEGORY", "targetId", fixtures.topCategory()));
        Member buyer = fixtures.member("分类买家");
        long coupon = claim(buyer, top);
        JsonNode preview = buyer.session().post("/api/me/checkouts/preview", Map.of("skuId", product[1], "quantity", 1)).json();
        assertThat(preview.get("discount").get("fen").asLong()).as("the product is in a sub-category of the coupon's").isEqualTo(700);
        assertThat(preview.get("options").get(0).get("couponId").asLong()).isEqualTo(coupon);
    }

    /**
     * RELIABILITY race 7: one single-use coupon, 20 checkouts at once, each letting the server pick. Exactly one order
     * carries it; the others are placed without it (ordering runs one buyer's checkouts one after the other, so they
     * find it locked) or, had two offers overlapped, refused at reservation (shown by the next test). Cancelling that
     * order gives the coupon back, once.
     */
    @Test
    void oneCouponInTwentyParallelCheckoutsIsUsedOnceAndRestoredOnceOnCancel() throws Exception {
        long single = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "唯一的券", "amountFen", 3000));
        Member buyer = fixtures.member("并发下单");
        long coupon = claim(buyer, single);
        long address = purchases.address(buyer);

        List<Response> responses = Concurrently.all(20, () -> buyNow(buyer, address, null));

        List<String> placed = new ArrayList<>();
        for (Response response : responses) {
            assertThat(response.status()).as(response.body()).isIn(201, 409);
            if (response.status() == 409) {
                assertThat(response.json().get("code").asString()).isEqualTo("coupon.taken");
                assertThat(response.fieldError("couponIds")).isNotBlank();
            } else {
                placed.add(response.json().get("orders").get(0).asString());
            }
        }
        List<String> withCoupon = placed.stream().filter(order -> discountFen(order) > 0).toList();
        assertThat(withCoupon).hasSize(1);
        assertThat(discountFen(withCoupon.get(0))).isEqualTo(3000);
        assertThat(jdbc.sql("select order_number from member_coupon where id = ?").param(coupon).query(String.class).single())
                .isEqualTo(withCoupon.get(0));

        Response cancelled = buyer.session().post("/api/me/orders/" + withCoupon.get(0) + "/cancel", Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(state(coupon)).isEqualTo("UNUSED");
        assertThat(buyer.session().post("/api/me/orders/" + withCoupon.get(0) + "/cancel", Map.of()).status()).isEqualTo(409);
        assertThat(state(coupon)).isEqualTo("UNUSED");
    }

    /**
     * The reservation is the last word: a checkout that was offered a coupon which another checkout locked and committed
     * in the meantime is refused (409 naming couponIds) when it tries to lock it, and rolls back.
     */
    @Test
    void aCouponLockedBetweenOfferAndReservationRefusesTheLaterCheckout() {
        long template = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "抢先锁定", "amountFen", 1000));
        Member buyer = fixtures.member("两次下单");
        long coupon = claim(buyer, template);
        com.kinshop.identity.AccountId buyerId = new com.kinshop.identity.AccountId(buyer.id());
        CheckoutParticipant.Draft draft = new CheckoutParticipant.Draft(buyerId, OrderKind.NORMAL, null, List.of(new CheckoutParticipant.DraftOrder(
                new com.kinshop.catalog.SupplierId(tea.supplierId()), List.of(new CheckoutParticipant.DraftLine(new com.kinshop.catalog.SkuId(product[1]),
                new com.kinshop.catalog.ProductId(product[0]), com.kinshop.shared.Money.fen(10_000), 1)))), CheckoutParticipant.Selection.AUTOMATIC,
                clock.instant());
        TransactionTemplate newTransaction = new TransactionTemplate(transactions);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> newTransaction.executeWithoutResult(first -> {
            assertThat(participant.offer(draft).applied()).extracting(CheckoutParticipant.Applied::ref).containsExactly("coupon:" + coupon);
            newTransaction.executeWithoutResult(second -> {
                participant.offer(draft);
                participant.reserve(placed(900_000_002L, buyerId, coupon));
            });
            participant.reserve(placed(900_000_001L, buyerId, coupon));
        }));

        assertThat(refused).isInstanceOfSatisfying(com.kinshop.shared.BusinessException.class, e -> {
            assertThat(e.status().value()).isEqualTo(409);
            assertThat(e.messageKey()).isEqualTo("coupon.taken");
            assertThat(e.field()).isEqualTo("couponIds");
        });
        assertThat(jdbc.sql("select order_id from member_coupon where id = ?").param(coupon).query(Long.class).single()).isEqualTo(900_000_002L);
        participant.release(new CheckoutParticipant.Released(900_000_001L, "K-NONE", buyerId, OrderKind.NORMAL, null, List.of("coupon:" + coupon),
                com.kinshop.ordering.OrderEvents.CancelReason.BUYER));
        assertThat(state(coupon)).as("a release names its order: another order's cancellation never frees it").isEqualTo("LOCKED");
        participant.release(new CheckoutParticipant.Released(900_000_002L, "K-TWO", buyerId, OrderKind.NORMAL, null, List.of("coupon:" + coupon),
                com.kinshop.ordering.OrderEvents.CancelReason.BUYER));
        assertThat(state(coupon)).isEqualTo("UNUSED");
    }

    @Test
    void promotionOrdersTakeNoCouponAndSayWhyWhenOneIsChosen() {
        long template = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "不叠加活动", "amountFen", 1000));
        Member buyer = fixtures.member("拼团买家");
        long coupon = claim(buyer, template);
        com.kinshop.identity.AccountId buyerId = new com.kinshop.identity.AccountId(buyer.id());
        List<CheckoutParticipant.DraftOrder> orders = List.of(new CheckoutParticipant.DraftOrder(new com.kinshop.catalog.SupplierId(tea.supplierId()),
                List.of(new CheckoutParticipant.DraftLine(new com.kinshop.catalog.SkuId(product[1]), new com.kinshop.catalog.ProductId(product[0]),
                        com.kinshop.shared.Money.fen(10_000), 1))));

        assertThat(participant.offer(new CheckoutParticipant.Draft(buyerId, OrderKind.GROUP, "group:1", orders, CheckoutParticipant.Selection.AUTOMATIC,
                clock.instant()))).isEqualTo(CheckoutParticipant.Offers.NONE);
        assertThat(participant.offer(new CheckoutParticipant.Draft(buyerId, OrderKind.NORMAL, null, orders, CheckoutParticipant.Selection.AUTOMATIC,
                clock.instant())).applied()).hasSize(1);
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> participant.offer(new CheckoutParticipant.Draft(buyerId,
                OrderKind.FLASH, "flash:1", orders, CheckoutParticipant.Selection.of(List.of(coupon)), clock.instant())));
        assertThat(refused).isInstanceOfSatisfying(com.kinshop.shared.BusinessException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("coupon.not-for-promotion");
            assertThat(e.field()).isEqualTo("couponIds");
        });
        assertThat(state(coupon)).isEqualTo("UNUSED");
    }

    private CheckoutParticipant.Placed placed(long orderId, com.kinshop.identity.AccountId buyer, long coupon) {
        return new CheckoutParticipant.Placed(orderId, "K" + orderId, buyer, new com.kinshop.catalog.SupplierId(tea.supplierId()), OrderKind.NORMAL, null,
                List.of("coupon:" + coupon), clock.instant().plusSeconds(1800));
    }

    /**
     * The buyer cancels just as the payment deadline passes, over rounds: one cancellation wins, the coupon is given
     * back once, and locking it again to a new order is not undone by the cancellation that lost.
     */
    @Test
    void cancelRacingThePaymentTimeoutRestoresTheCouponExactlyOnce() throws Exception {
        long template = template(fixtures.operator(), "/api/admin/coupon-templates", Map.of("title", "超时券", "amountFen", 1000,
                "perMemberLimit", 5, "totalQuantity", 100));
        int buyerWins = 0;
        int timeoutWins = 0;
        for (int round = 0; round < 6; round++) {
            Member buyer = fixtures.member("超时买家" + round);
            long coupon = claim(buyer, template);
            Response placed = buyNow(buyer, List.of(coupon));
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            String order = placed.json().get("orders").get(0).asString();
            long orderId = purchases.orderId(order);
            // two rounds give each side a head start (so both outcomes are seen), the rest start at the same instant
            long buyerDelay = round == 1 ? 300 : 0;
            long timerDelay = round == 0 ? 300 : 0;
            Callable<Object> byBuyer = () -> {
                Thread.sleep(buyerDelay);
                return buyer.session().post("/api/me/orders/" + order + "/cancel", Map.of()).status();
            };
            Callable<Object> byTimer = () -> {
                Thread.sleep(timerDelay);
                return lifecycle.cancel(orderId, OrderEvents.CancelReason.PAYMENT_TIMEOUT);
            };
            java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
            List<Object> outcomes = Concurrently.all(2, () -> turn.getAndIncrement() == 0 ? byBuyer.call() : byTimer.call());
            boolean buyerWon = outcomes.contains(200);
            boolean timerWon = outcomes.contains(Boolean.TRUE);
            assertThat(buyerWon ^ timerWon).as("exactly one cancellation: " + outcomes).isTrue();
            assertThat(outcomes).as("the loser is told clearly: 409 for the buyer, false for the timer").containsAnyOf(409, Boolean.FALSE);
            buyerWins += buyerWon ? 1 : 0;
            timeoutWins += timerWon ? 1 : 0;
            assertThat(purchases.status(order)).isEqualTo("CANCELLED");
            assertThat(jdbc.sql("select cancel_reason from orders where id = ?").param(orderId).query(String.class).single())
                    .isEqualTo(buyerWon ? "BUYER" : "PAYMENT_TIMEOUT");
            assertThat(state(coupon)).isEqualTo("UNUSED");

            Response again = buyNow(buyer, List.of(coupon));
            assertThat(again.status()).as("restored: it can be used again").isEqualTo(201);
            assertThat(lifecycle.cancel(orderId, OrderEvents.CancelReason.PAYMENT_TIMEOUT)).isFalse();
            assertThat(state(coupon)).as("a late cancellation of the first order does not release the second's coupon").isEqualTo("LOCKED");
        }
        assertThat(buyerWins).as("the buyer won some rounds").isPositive();
        assertThat(timeoutWins).as("the timeout won some rounds").isPositive();
    }

    private Response buyNow(Member buyer, List<Long> couponIds) {
        return buyNow(buyer, purchases.address(buyer), couponIds);
    }

    private Response buyNow(Member buyer, long address, List<Long> couponIds) {
        Map<String, Object> body = new HashMap<>(Map.of("addressId", address, "skuId", product[1], "quantity", 1));
        if (couponIds != null) {
            body.put("couponIds", couponIds);
        }
        return buyer.session().post("/api/me/checkouts/buy-now", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private long template(com.kinshop.support.HttpSession issuer, String path, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "AMOUNT_OFF", "amountFen", 1000, "thresholdFen", 9900, "scope", "PLATFORM",
                "validDays", 7, "totalQuantity", 100, "perMemberLimit", 1));
        body.putAll(overrides);
        Response created = issuer.post(path, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static long claim(Member member, long template) {
        Response claimed = member.session().post("/api/coupons/" + template + "/claims", Map.of());
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
        return claimed.json().get("id").asLong();
    }

    private String state(long coupon) {
        return jdbc.sql("select state from member_coupon where id = ?").param(coupon).query(String.class).single();
    }

    private long shipping(String order) {
        return jdbc.sql("select shipping_fen from orders where number = ?").param(order).query(Long.class).single();
    }

    private long discountFen(String order) {
        return jdbc.sql("select discount_fen from orders where number = ?").param(order).query(Long.class).single();
    }

    private long orderCount() {
        return jdbc.sql("select count(*) from orders").query(Long.class).single();
    }

    private static JsonNode templateOf(JsonNode list, long id) {
        for (JsonNode node : list) {
            if (node.get("id").asLong() == id) {
                return node;
            }
        }
        throw new AssertionError("template " + id + " not listed");
    }
}
