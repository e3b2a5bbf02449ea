package com.kinshop.deposit;

import com.kinshop.ledger.Ledger;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.Purchases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Deposits over HTTP on the real app: paid in through the sandbox cashier, gating new listings, returned on exit. */
@KinshopIT
class DepositIT extends MoneyPathTest {

    @Autowired
    Ledger ledger;
    DepositFixtures deposits;

    @BeforeEach
    void depositFixtures() {
        deposits = new DepositFixtures(fixtures, purchases, ledger, jdbc);
    }

    @Test
    void aSupplierBelowItsRequiredDepositTopsUpThroughTheCashierBeforeListing() {
        Staff staff = deposits.supplier("保证金果园", 1_000);
        assertThat(standing(staff)).containsExactly(100_000L, 0L, 100_000L);
        long product = draftWithImage(staff, "待上架的橙子");

        Response refused = staff.session().post("/api/supplier/products/" + product + "/submit", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.fieldError("deposit")).isEqualTo("保证金不足：应缴 ¥1000.00，余额 ¥0.00，需补缴 ¥1000.00 后才能上架新商品");
        assertThat(productStatus(product)).isEqualTo("DRAFT");

        long payments = count("select count(*) from payment");
        for (Object bad : List.of(0, -500, 100_000_001L)) {
            Response zero = staff.session().post("/api/supplier/deposit/top-ups", Map.of("amountFen", bad));
            assertThat(zero.status()).as(zero.body()).isEqualTo(400);
            assertThat(zero.fieldError("amountFen")).isEqualTo("缴纳金额应大于 0 元且不超过 1000000.00 元");
        }
        assertThat(count("select count(*) from deposit_top_up where supplier_id = " + staff.supplierId())).isZero();
        assertThat(count("select count(*) from payment")).as("no payment opened").isEqualTo(payments);

        String first = deposits.payIn(staff, 60_000);
        assertThat(standing(staff)).containsExactly(100_000L, 60_000L, 40_000L);
        Response stillShort = staff.session().language("en").post("/api/supplier/products/" + product + "/submit", Map.of());
        assertThat(stillShort.status()).isEqualTo(409);
        assertThat(stillShort.fieldError("deposit")).isEqualTo("Deposit too low: ¥1000.00 required, ¥600.00 held. Pay in ¥400.00 before listing new products");
        staff.session().language("zh-CN");

        deposits.payIn(staff, 40_000);
        assertThat(standing(staff)).containsExactly(100_000L, 100_000L, 0L);
        assertThat(staff.session().post("/api/supplier/products/" + product + "/submit", Map.of()).status()).isEqualTo(200);
        assertThat(productStatus(product)).isEqualTo("PENDING_REVIEW");

        Response mine = staff.session().get("/api/supplier/deposit");
        assertThat(mine.json().get("history")).hasSize(2);
        assertThat(mine.json().get("history").get(1).get("text").asString()).startsWith("缴纳保证金 " + first + "（支付 P");
        assertThat(mine.json().get("history").get(1).get("amount").get("fen").asLong()).isEqualTo(60_000);
        assertThat(mine.json().get("topUps").get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(staff.session().language("en").get("/api/supplier/deposit").json().get("history").get(0).get("text").asString())
                .startsWith("Deposit paid in D");
        staff.session().language("zh-CN");
        assertThat(staff.session().get("/console/supplier/deposit").body()).contains("¥1000.00").contains("缴纳保证金 " + first);
    }

    @Test
    void theWholeDepositIsReturnedOnExitOnlyWhenNoOrderIsInProgressAndTheListingEnds() {
        DepositFixtures.Bought bought = deposits.paidOrder("退出果园", 500);
        long product = jdbc.sql("select product_id from order_line where id = ?").param(bought.lineId()).query(Long.class).single();

        Response inProgress = bought.supplier().session().post("/api/supplier/deposit/return", Map.of());
        assertThat(inProgress.status()).isEqualTo(409);
        assertThat(inProgress.json().get("detail").asString()).contains("还有进行中的订单");
        assertThat(deposits.balance(bought.supplier().supplierId())).isEqualTo(50_000);
        assertThat(productStatus(product)).isEqualTo("ON_SALE");
        assertThat(count("select count(*) from deposit_return where supplier_id = " + bought.supplier().supplierId())).isZero();

        deposits.refund(bought);
        long waiting = draftWithImage(bought.supplier(), "审核中的橙子");
        assertThat(bought.supplier().session().post("/api/supplier/products/" + waiting + "/submit", Map.of()).status()).isEqualTo(200);
        Response exited = bought.supplier().session().post("/api/supplier/deposit/return", Map.of());
        assertThat(exited.status()).as(exited.body()).isEqualTo(201);
        assertThat(exited.json().get("amount").get("fen").asLong()).isEqualTo(50_000);
        String number = exited.json().get("number").asString();
        Purchases.await("the return paid out", () -> "PAID".equals(
                jdbc.sql("select status from deposit_return where number = ?").param(number).query(String.class).single()));
        assertThat(deposits.balance(bought.supplier().supplierId())).isZero();
        assertThat(ledger.balance("supplier:" + bought.supplier().supplierId() + ":deposit:returning").fen()).isZero();
        assertThat(count("select count(*) from sandbox_payout where out_payout_no = '" + number + "' and amount_fen = 50000")).isEqualTo(1);
        assertThat(productStatus(product)).as("the listing ended").isEqualTo("OFF_SALE");
        assertThat(productStatus(waiting)).as("withdrawn from the review queue").isEqualTo("DRAFT");
        assertThat(fixtures.operator().post("/api/admin/products/" + waiting + "/approve", Map.of()).status())
                .as("nothing of an exited supplier is approved onto the shelves").isEqualTo(409);
        assertThat(productStatus(waiting)).isEqualTo("DRAFT");

        Response relist = bought.supplier().session().post("/api/supplier/products/" + product + "/submit", Map.of());
        assertThat(relist.status()).isEqualTo(409);
        assertThat(relist.fieldError("deposit")).isEqualTo("供应商已退出，不能再上架商品");
        assertThat(bought.supplier().session().post("/api/supplier/deposit/return", Map.of()).status()).isEqualTo(409);
        assertThat(bought.supplier().session().post("/api/supplier/deposit/top-ups", Map.of("amountFen", 100)).status()).isEqualTo(409);
        assertThat(bought.supplier().session().get("/api/supplier/deposit").json().get("standing").get("exitedAt").isNull()).isFalse();
    }

    @Test
    void theOperatorSeesEveryDepositAndOnlyTheOperator() {
        Staff staff = deposits.supplier("总览果园", 800);
        deposits.payIn(staff, 30_000);
        Response overview = fixtures.operator().get("/api/admin/deposits");
        assertThat(overview.status()).isEqualTo(200);
        var mine = java.util.stream.StreamSupport.stream(overview.json().spliterator(), false)
                .filter(node -> node.get("supplier").asLong() == staff.supplierId()).findFirst().orElseThrow();
        assertThat(mine.get("shortfall").get("fen").asLong()).isEqualTo(50_000);
        assertThat(fixtures.operator().get("/console/admin/deposits").body()).contains("总览果园").contains("¥500.00");
        assertThat(staff.session().get("/api/admin/deposits").status()).isEqualTo(403);
        assertThat(staff.session().post("/api/admin/deposits/" + staff.supplierId() + "/return", Map.of()).status()).isEqualTo(403);
        Fixtures.Member member = fixtures.member("好奇的会员");
        assertThat(member.session().get("/api/supplier/deposit").status()).isEqualTo(403);
    }

    private List<Long> standing(Staff staff) {
        var standing = staff.session().get("/api/supplier/deposit").json().get("standing");
        return List.of(standing.get("required").get("fen").asLong(), standing.get("balance").get("fen").asLong(), standing.get("shortfall").get("fen").asLong());
    }

    private long draftWithImage(Staff staff, String name) {
        Response created = staff.session().post("/api/supplier/products", fixtures.product(name, List.of(Fixtures.sku("标准装", 3_000, 1_500, "RATE", 1000, 10))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(Fixtures.upload(staff.session(), "/api/supplier/products/" + id + "/images", "image", Fixtures.png(300, 300)).status()).isEqualTo(200);
        return id;
    }

    private String productStatus(long product) {
        return jdbc.sql("select status from product where id = ?").param(product).query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
