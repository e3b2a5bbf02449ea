package com.kinshop.ordering;

import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Stock;
import com.kinshop.ledger.Ledger;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole life of an order: checkout, sandbox payment, shipping, receipt, completion, with the ledger after each. */
@KinshopIT
class OrderLifecycleIT extends MoneyPathTest {

    @Autowired
    Stock stock;
    @Autowired
    Ledger ledger;
    @Autowired
    OrderTimers timers;
    @Autowired
    MutableClock clock;


    @Test
    void paidShippedReceivedAndCompletedOrderSplitsItsEscrowBetweenSupplierAndPlatform() {
        Staff supplier = fixtures.supplier("全程供应商");
        long[] product = fixtures.onSale(supplier, "全程商品", 2_000, 10); // retail ¥20.00, supply from fixtures
        Member buyer = fixtures.member("全程买家");

        Purchases.Placed placed = purchases.placeAndPay(buyer, 2, product[1]);
        String order = placed.orderNumbers().get(0);
        long orderId = purchases.orderId(order);
        String payment = purchases.paymentNumber(placed.checkoutNumber());

        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(8, 0, 2));
        long total = jdbc.sql("select goods_fen + shipping_fen from orders where id = ?").param(orderId).query(Long.class).single();
        assertThat(ledger.balance("order:" + orderId + ":escrow").fen()).isEqualTo(-total);
        assertThat(jdbc.sql("select count(*) from ledger_journal where business_key = ?").param("payment:" + payment).query(Integer.class).single())
                .isEqualTo(1);
        Purchases.await("the duplicate delivery acknowledged", () -> jdbc.sql(
                "select count(*) from sandbox_delivery d where d.delivered_at is not null and d.body like ?").param("%" + payment + "%")
                .query(Integer.class).single() == 2);
        assertThat(jdbc.sql("select count(*) from ledger_journal where business_key = ?").param("order-paid:" + orderId).query(Integer.class).single())
                .as("the duplicate notification changed nothing").isEqualTo(1);

        Response cancelPaid = buyer.session().post("/api/me/orders/" + order + "/cancel", Map.of());
        assertThat(cancelPaid.status()).isEqualTo(409);

        Response shipped = supplier.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰速运", "trackingNumber", "SF1234567890"));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        Response detail = buyer.session().get("/api/me/orders/" + order);
        assertThat(detail.json().get("trackingNumber").asString()).isEqualTo("SF1234567890");
        assertThat(buyer.session().post("/api/me/orders/" + order + "/cancel", Map.of()).json().get("detail").asString())
                .isEqualTo("订单已付款或已取消，不能再取消");

        assertThat(buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of()).status()).isEqualTo(200);
        timers.runDue();
        assertThat(purchases.status(order)).as("the after-sales window is still open").isEqualTo("RECEIVED");

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        timers.runDue();

        assertThat(purchases.status(order)).isEqualTo("COMPLETED");
        assertThat(ledger.balance("order:" + orderId + ":escrow").fen()).isZero();
        long supplyFen = jdbc.sql("select supply_price_fen from order_line where order_id = ?").param(orderId).query(Long.class).single();
        long shippingFen = jdbc.sql("select shipping_fen from orders where id = ?").param(orderId).query(Long.class).single();
        assertThat(ledger.balance("supplier:" + supplier.supplierId() + ":payable").fen()).isEqualTo(-(supplyFen * 2 + shippingFen));
        assertThat(Math.abs(ledger.balance("platform:clearing").fen())).as("clearing is back to zero").isZero();
    }

    @Test
    void anUnpaidOrderIsCancelledAfterThirtyMinutesAndItsUnitsComeBack() {
        long[] product = fixtures.onSale(fixtures.supplier("超时供应商"), "超时商品", 1_000, 5);
        Member buyer = fixtures.member("不付款");
        Purchases.Placed placed = purchases.place(buyer, 3, product[1]);
        String order = placed.orderNumbers().get(0);

        clock.advance(Duration.ofMinutes(29));
        timers.runDue();
        assertThat(purchases.status(order)).isEqualTo("AWAITING_PAYMENT");

        clock.advance(Duration.ofMinutes(2));
        // past the deadline, before the timer has run: no payment is started for an order about to be cancelled
        Response tooLate = buyer.session().post("/api/me/checkouts/" + placed.checkoutNumber() + "/payments", Map.of(), Map.of("Idempotency-Key", "too-late-pay"));
        assertThat(tooLate.status()).as(tooLate.body()).isEqualTo(409);
        assertThat(tooLate.json().get("code").asString()).isEqualTo("order.pay-deadline-passed");
        assertThat(jdbc.sql("select count(*) from payment where reference = ?").param(placed.checkoutNumber()).query(Integer.class).single()).isZero();
        timers.runDue();
        assertThat(purchases.status(order)).isEqualTo("CANCELLED");
        assertThat(stock.levels(new SkuId(product[1]))).isEqualTo(new Stock.Levels(5, 0, 0));
        Response pay = buyer.session().post("/api/me/checkouts/" + placed.checkoutNumber() + "/payments", Map.of(), Map.of("Idempotency-Key", "late-pay"));
        assertThat(pay.status()).isEqualTo(409);
    }

    @Test
    void theTimeoutAsksTheProviderFirstSoAPaymentWhoseNotificationWasLostKeepsTheOrder() {
        long[] product = fixtures.onSale(fixtures.supplier("丢通知供应商"), "丢通知商品", 1_000, 5);
        Member buyer = fixtures.member("通知丢了");
        Purchases.Placed placed = purchases.place(buyer, 1, product[1]);
        String payment = purchases.startPayment(buyer, placed.checkoutNumber()).get("paymentNumber").asString();
        // paid at the provider, but its notification never arrives
        jdbc.sql("update sandbox_payment set status = 'PAID', paid_at = now() where out_trade_no = ?").param(payment).update();

        clock.advance(Duration.ofMinutes(31));
        timers.runDue();

        assertThat(purchases.status(placed.orderNumbers().get(0))).isEqualTo("PAID");
        assertThat(jdbc.sql("select count(*) from refund where payment_number = ?").param(payment).query(Integer.class).single()).isZero();
    }

    @Test
    void automaticReceiptTenDaysAfterShipmentWithAReminderTheDayBefore() {
        Staff supplier = fixtures.supplier("自动收货供应商");
        long[] product = fixtures.onSale(supplier, "自动收货商品", 1_500, 5);
        Member buyer = fixtures.member("不点收货");
        String order = purchases.placeAndPay(buyer, 1, product[1]).orderNumbers().get(0);
        supplier.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "中通快递", "trackingNumber", "ZT000111222"));

        clock.advance(Duration.ofDays(9).plusMinutes(1));
        timers.runDue();
        assertThat(purchases.status(order)).isEqualTo("SHIPPED");
        Purchases.await("the reminder", () -> jdbc.sql("select count(*) from inbox_message where account_id = ? and message_key = 'inbox.order.receipt-reminder'")
                .param(buyer.id()).query(Integer.class).single() == 1);

        clock.advance(Duration.ofDays(1));
        timers.runDue();
        assertThat(purchases.status(order)).isEqualTo("RECEIVED");
    }

    @Test
    void aSupplierCannotShipAnotherSuppliersOrderAndBadShipmentsAreRefused() {
        Staff owner = fixtures.supplier("发货甲");
        Staff stranger = fixtures.supplier("发货乙");
        long[] product = fixtures.onSale(owner, "发货商品", 1_000, 5);
        Member buyer = fixtures.member("等发货");
        String order = purchases.placeAndPay(buyer, 1, product[1]).orderNumbers().get(0);

        Response foreign = stranger.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "SF99887766"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(stranger.session().get("/api/supplier/orders/" + order).status()).isEqualTo(404);
        Response badTracking = owner.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "12"));
        assertThat(badTracking.fieldError("trackingNumber")).isEqualTo("运单号应为 6 到 40 位字母、数字或短横线");
        assertThat(purchases.status(order)).isEqualTo("PAID");
        assertThat(buyer.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "SF99887766"))
                .status()).as("a buyer is not supplier staff").isEqualTo(403);
    }

    @Test
    void csvShipmentAnswersEveryRow() {
        Staff supplier = fixtures.supplier("批量发货");
        long[] product = fixtures.onSale(supplier, "批量商品", 1_000, 10);
        String first = purchases.placeAndPay(fixtures.member("批量一"), 1, product[1]).orderNumbers().get(0);
        String second = purchases.placeAndPay(fixtures.member("批量二"), 1, product[1]).orderNumbers().get(0);
        String csv = "订单号,快递公司,运单号\n" + first + ",顺丰速运,SF100000001\n" + second + ",圆通,x\nK000,中通,ZT12345678\n" + first + ",顺丰速运,SF100000001\n";

        Response result = fixtures.upload(supplier.session(), "/api/supplier/shipments", "file", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.json().size()).isEqualTo(4);
        assertThat(result.json().get(0).get("shipped").asBoolean()).isTrue();
        assertThat(result.json().get(1).get("message").asString()).isEqualTo("运单号应为 6 到 40 位字母、数字或短横线");
        assertThat(result.json().get(2).get("message").asString()).isEqualTo("订单不存在");
        assertThat(result.json().get(3).get("message").asString()).as("a re-upload ships nothing twice").isEqualTo("只有已付款、未发货的订单可以发货");
        assertThat(purchases.status(first)).isEqualTo("SHIPPED");
        assertThat(purchases.status(second)).isEqualTo("PAID");

        byte[] fromExcel = ("订单号,快递公司,运单号\r\n" + second + ",中通快递,ZT100000002\r\n").getBytes(java.nio.charset.Charset.forName("GBK"));
        Response gbk = fixtures.upload(supplier.session(), "/api/supplier/shipments", "file", fromExcel);
        assertThat(gbk.json().get(0).get("shipped").asBoolean()).as(gbk.body()).isTrue();
        assertThat(jdbc.sql("select carrier from orders where number = ?").param(second).query(String.class).single())
                .as("a GBK file from Excel is read as GBK").isEqualTo("中通快递");
    }
}
