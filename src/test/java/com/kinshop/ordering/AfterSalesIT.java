package com.kinshop.ordering;

import com.kinshop.ledger.Ledger;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** After-sales: partial refunds exact to the fen, refund-twice and refund-too-much refused, returns, disputes. */
@KinshopIT
class AfterSalesIT extends MoneyPathTest {

    @Autowired
    Ledger ledger;
    @Autowired
    OrderTimers timers;
    @Autowired
    MutableClock clock;


    private record Bought(Staff supplier, Member buyer, String order, long orderId, long lineId) {
    }

    /** 3 × ¥19.99 from a supplier charging ¥8.00 shipping: ¥67.97 paid. */
    private Bought bought(String name) {
        Staff supplier = fixtures.supplier(name + "供应商");
        assertThat(supplier.session().put("/api/supplier/shipping", Map.of("flatFeeFen", 800)).status()).isEqualTo(200);
        long[] product = fixtures.onSale(supplier, name, 1_999, 10);
        Member buyer = fixtures.member(name + "买家");
        String order = purchases.placeAndPay(buyer, 3, product[1]).orderNumbers().get(0);
        long orderId = purchases.orderId(order);
        long line = jdbc.sql("select id from order_line where order_id = ?").param(orderId).query(Long.class).single();
        return new Bought(supplier, buyer, order, orderId, line);
    }

    private Response request(Bought bought, String kind, int quantity) {
        return bought.buyer().session().post("/api/me/orders/" + bought.order() + "/after-sales",
                Map.of("lineId", bought.lineId(), "kind", kind, "quantity", quantity, "reason", "不想要了"));
    }

    private tools.jackson.databind.JsonNode afterSaleOfBuyer(Bought bought, String number) {
        for (var afterSale : bought.buyer().session().get("/api/me/after-sales").json()) {
            if (afterSale.get("number").asString().equals(number)) {
                return afterSale;
            }
        }
        throw new AssertionError("no after-sale " + number);
    }

    private void awaitRefunded(String afterSale) {
        Purchases.await(afterSale + " refunded", () -> "REFUNDED".equals(
                jdbc.sql("select status from after_sale where number = ?").param(afterSale).query(String.class).single()));
    }

    private long escrowFen(Bought bought) {
        return ledger.balance("order:" + bought.orderId() + ":escrow").fen();
    }

    @Test
    void partialRefundsAreExactAndTheLastOneIncludesShippingOfAnUnshippedOrder() {
        Bought bought = bought("部分退款");
        assertThat(escrowFen(bought)).isEqualTo(-6_797);

        Response first = request(bought, "REFUND_ONLY", 2);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String firstNumber = first.json().get("number").asString();
        assertThat(bought.supplier().session().post("/api/supplier/after-sales/" + firstNumber + "/approve", Map.of()).status()).isEqualTo(200);
        awaitRefunded(firstNumber);

        assertThat(escrowFen(bought)).isEqualTo(-6_797 + 3_998);
        assertThat(jdbc.sql("select amount_fen from sandbox_refund where out_refund_no = ?").param(firstNumber).query(Long.class).single()).isEqualTo(3_998);
        assertThat(request(bought, "REFUND_ONLY", 2).fieldError("quantity")).isEqualTo("数量应为 1 到 1（还能退的件数）");

        String last = request(bought, "REFUND_ONLY", 1).json().get("number").asString();
        bought.supplier().session().post("/api/supplier/after-sales/" + last + "/approve", Map.of());
        awaitRefunded(last);

        assertThat(jdbc.sql("select amount_fen from after_sale where number = ?").param(last).query(Long.class).single())
                .as("¥19.99 plus ¥8.00 shipping").isEqualTo(2_799);
        assertThat(purchases.status(bought.order())).isEqualTo("REFUNDED");
        assertThat(escrowFen(bought)).isZero();
        assertThat(jdbc.sql("select sum(r.amount_fen) from sandbox_refund r join payment p on p.number = r.out_trade_no join orders o on o.payment_number = p.number where o.id = ?")
                .param(bought.orderId()).query(Long.class).single()).as("everything paid came back, not a fen more").isEqualTo(6_797);
        assertThat(request(bought, "REFUND_ONLY", 1).status()).as("refund twice").isEqualTo(409);
        assertThat(ledger.balance("platform:clearing").fen()).isZero();
    }

    @Test
    void twoSimultaneousRequestsForOneLineOpenOne() throws Exception {
        Bought bought = bought("同时申请");
        List<Response> responses = Concurrently.all(6, () -> request(bought, "REFUND_ONLY", 3));
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 409))
                .hasSize(5).allSatisfy(r -> assertThat(r.json().get("detail").asString()).isEqualTo("这件商品已有进行中的售后申请"));
        assertThat(request(bought, "REFUND_ONLY", 4).fieldError("quantity")).as("more than was bought").isEqualTo("数量应为 1 到 3（还能退的件数）");
    }

    @Test
    void aReturnAfterShipmentRefundsTheGoodsAndTheSupplierKeepsTheShipping() {
        Bought bought = bought("退货退款");
        assertThat(request(bought, "RETURN_AND_REFUND", 1).json().get("detail").asString()).isEqualTo("订单还没发货，请申请仅退款");
        bought.supplier().session().post("/api/supplier/orders/" + bought.order() + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "SF55667788"));
        bought.buyer().session().post("/api/me/orders/" + bought.order() + "/receipt", Map.of());

        String number = request(bought, "RETURN_AND_REFUND", 3).json().get("number").asString();
        Response noAddress = bought.supplier().session().post("/api/supplier/after-sales/" + number + "/approve", Map.of());
        assertThat(noAddress.status()).as("the buyer would not know where to send it").isEqualTo(409);
        assertThat(noAddress.json().get("detail").asString()).isEqualTo("还没有填写退货地址：请先在「运费设置」里填写，买家才知道把商品寄回哪里");
        assertThat(bought.supplier().session().get("/api/supplier/return-address").status()).isEqualTo(404);
        Response invalid = bought.supplier().session().put("/api/supplier/return-address", Map.of("name", "", "phone", "123", "address", "x"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.fieldError("name")).isEqualTo("请填写收件人（最多 20 字）");
        Map<String, String> warehouse = Map.of("name", "王仓管", "phone", "13712345678", "address", "浙江省杭州市余杭区仓前街道退货仓 5 号");
        assertThat(bought.supplier().session().put("/api/supplier/return-address", warehouse).status()).isEqualTo(200);
        assertThat(bought.supplier().session().get("/api/supplier/return-address").json().get("address").asString()).isEqualTo(warehouse.get("address"));

        assertThat(bought.supplier().session().post("/api/supplier/after-sales/" + number + "/approve", Map.of()).status()).isEqualTo(200);
        assertThat(bought.supplier().session().get("/console/supplier/shipping").body()).contains("浙江省杭州市余杭区仓前街道退货仓 5 号");
        assertThat(bought.supplier().session().postForm("/console/supplier/shipping", "/console/supplier/return-address",
                Map.of("name", "新仓管", "phone", "13700000000", "address", "别处")).status()).isEqualTo(302);
        assertThat(bought.supplier().session().get("/api/supplier/return-address").json().get("name").asString()).isEqualTo("新仓管");
        var returnTo = afterSaleOfBuyer(bought, number).get("returnTo");
        assertThat(List.of(returnTo.get("name").asString(), returnTo.get("phone").asString(), returnTo.get("address").asString()))
                .as("the address when approved, kept though the supplier changed it since")
                .containsExactly("王仓管", "13712345678", "浙江省杭州市余杭区仓前街道退货仓 5 号");
        Purchases.await("the approval in the inbox", () -> jdbc.sql("select count(*) from inbox_message where account_id = ? and message_key = ?")
                .params(bought.buyer().id(), "inbox.aftersale.return-to").query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select args from inbox_message where account_id = ? and message_key = ?").params(bought.buyer().id(), "inbox.aftersale.return-to")
                .query(String.class).single()).contains(number, bought.order(), "王仓管 13712345678 浙江省杭州市余杭区仓前街道退货仓 5 号");
        assertThat(bought.supplier().session().post("/api/supplier/after-sales/" + number + "/return-received", Map.of()).status())
                .as("nothing was sent back yet").isEqualTo(409);
        assertThat(bought.buyer().session().post("/api/me/after-sales/" + number + "/return", Map.of("carrier", "中通", "trackingNumber", "ZT77889900"))
                .status()).isEqualTo(200);
        assertThat(bought.supplier().session().post("/api/supplier/after-sales/" + number + "/return-received", Map.of()).status()).isEqualTo(200);
        awaitRefunded(number);

        assertThat(jdbc.sql("select amount_fen from after_sale where number = ?").param(number).query(Long.class).single()).isEqualTo(5_997);
        assertThat(purchases.status(bought.order())).isEqualTo("REFUNDED");
        assertThat(escrowFen(bought)).isZero();
        assertThat(ledger.balance("supplier:" + bought.supplier().supplierId() + ":payable").fen()).as("the shipping it paid for").isEqualTo(-800);
    }

    @Test
    void theDemoSuppliersCanApproveReturnsFromTheStart() {
        assertThat(jdbc.sql("""
                        select s.name || ': ' || r.name || ' ' || r.phone from supplier_return_address r join supplier s on s.id = r.supplier_id
                        where s.licence_no in ('91330100MA2KDEMO01', '91510100MA6KDEMO02') order by s.id""").query(String.class).list())
                .containsExactly("良品工坊食品有限公司: 李经理 13900000001", "山野生活优选合作社: 周店长 13900000002");
    }

    @Test
    void aRejectedRequestEscalatedToTheOperatorIsDecidedThereAndTheOrderCompletesOnlyAfterwards() {
        Bought bought = bought("平台介入");
        bought.supplier().session().post("/api/supplier/orders/" + bought.order() + "/shipment", Map.of("carrier", "顺丰", "trackingNumber", "SF11223344"));
        bought.buyer().session().post("/api/me/orders/" + bought.order() + "/receipt", Map.of());
        String number = request(bought, "REFUND_ONLY", 1).json().get("number").asString();

        assertThat(bought.supplier().session().post("/api/supplier/after-sales/" + number + "/reject", Map.of("reason", " ")).fieldError("reason"))
                .isEqualTo("请填写拒绝原因（最多 200 字）");
        assertThat(bought.supplier().session().post("/api/supplier/after-sales/" + number + "/reject", Map.of("reason", "商品完好")).status()).isEqualTo(200);
        assertThat(bought.buyer().session().post("/api/me/after-sales/" + number + "/escalate", Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(8));
        timers.runDue();
        assertThat(purchases.status(bought.order())).as("an open dispute holds the order").isEqualTo("RECEIVED");

        assertThat(bought.supplier().session().post("/api/admin/disputes/" + number + "/decision", Map.of("refund", true, "note", "x")).status())
                .as("suppliers do not decide disputes").isEqualTo(403);
        Response decided = fixtures.operator().post("/api/admin/disputes/" + number + "/decision", Map.of("refund", true, "note", "商品有瑕疵，支持退款"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        awaitRefunded(number);
        timers.runDue();

        assertThat(purchases.status(bought.order())).isEqualTo("COMPLETED");
        assertThat(escrowFen(bought)).isZero();
        long supply = jdbc.sql("select supply_price_fen from order_line where id = ?").param(bought.lineId()).query(Long.class).single();
        assertThat(ledger.balance("supplier:" + bought.supplier().supplierId() + ":payable").fen()).isEqualTo(-(supply * 2 + 800));
        assertThat(request(bought, "REFUND_ONLY", 1).status()).as("completed orders are past after-sales").isEqualTo(409);
    }
}
