package com.kinshop.complaint;

import com.kinshop.deposit.DepositFixtures;
import com.kinshop.deposit.DepositFixtures.Bought;
import com.kinshop.ledger.Ledger;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.Concurrently;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Complaints over HTTP on the real app: filing, the supplier's one answer, the timer, arbitration with a penalty from the deposit. */
@KinshopIT
class ComplaintIT extends MoneyPathTest {

    @Autowired
    Ledger ledger;
    @Autowired
    ComplaintTimers timers;
    @Autowired
    MutableClock clock;
    DepositFixtures deposits;

    @BeforeEach
    void depositFixtures() {
        deposits = new DepositFixtures(fixtures, purchases, ledger, jdbc);
    }

    @Test
    void aBuyerComplainsOnlyAboutTheirOwnPaidOrderOnceAtATime() {
        Bought bought = deposits.paidOrder("投诉果园", 300);
        Member stranger = fixtures.member("路人甲");
        Response foreign = stranger.session().post("/api/me/complaints", filing(bought.order(), "QUALITY", "不是我的订单"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.fieldError("orderNumber")).isEqualTo("订单不存在");

        String unpaid = purchases.place(bought.buyer(), 1, jdbc.sql("select sku_id from order_line where id = ?").param(bought.lineId())
                .query(Long.class).single()).orderNumbers().get(0);
        assertThat(bought.buyer().session().post("/api/me/complaints", filing(unpaid, "QUALITY", "还没付款")).fieldError("orderNumber"))
                .isEqualTo("订单尚未付款，不能投诉");
        assertThat(bought.buyer().session().post("/api/me/complaints", filing(bought.order(), "ANGRY", "类型不对")).fieldError("category"))
                .isEqualTo("请选择投诉类型");
        assertThat(bought.buyer().session().post("/api/me/complaints", filing(bought.order(), "QUALITY", "坏".repeat(501))).fieldError("text"))
                .isEqualTo("内容最多 500 字");
        assertThat(bought.buyer().session().language("en").post("/api/me/complaints", filing(bought.order(), "QUALITY", "  ")).fieldError("text"))
                .isEqualTo("Please write something");
        bought.buyer().session().language("zh-CN");
        Map<String, Object> wrongLine = filing(bought.order(), "QUALITY", "别的订单的商品");
        wrongLine.put("orderLineId", 999_999_999L);
        assertThat(bought.buyer().session().post("/api/me/complaints", wrongLine).fieldError("orderLineId")).isEqualTo("订单中没有这件商品");
        assertThat(complaints(bought.order())).as("no refusal stored anything").isZero();

        Map<String, Object> good = filing(bought.order(), "NOT_AS_DESCRIBED", "收到的橙子个头比详情页小很多，还有两个是坏的。");
        good.put("orderLineId", bought.lineId());
        Response filed = bought.buyer().session().post("/api/me/complaints", good);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("status").asString()).isEqualTo("AWAITING_ANSWER");
        assertThat(filed.json().get("subject").asString()).isEqualTo("投诉果园的商品");
        String number = filed.json().get("number").asString();

        Response second = bought.buyer().session().post("/api/me/complaints", filing(bought.order(), "OTHER", "再投诉一次"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.fieldError("orderNumber")).isEqualTo("该订单已有一条处理中的投诉");
        assertThat(complaints(bought.order())).isEqualTo(1);

        for (int i = 0; i < 9; i++) {
            assertThat(Fixtures.upload(bought.buyer().session(), "/api/me/complaints/" + number + "/images", "image", Fixtures.png(40 + i, 40)).status())
                    .isEqualTo(200);
        }
        Response tenth = Fixtures.upload(bought.buyer().session(), "/api/me/complaints/" + number + "/images", "image", Fixtures.png(99, 40));
        assertThat(tenth.fieldError("image")).as("the part the client sent").isEqualTo("图片最多 9 张");
        Response notAnImage = Fixtures.upload(bought.buyer().session(), "/api/me/complaints/" + number + "/images", "image", "hello".getBytes());
        assertThat(notAnImage.status()).isEqualTo(400);
        assertThat(bought.buyer().session().get("/api/me/complaints/" + number).json().get("images")).hasSize(9);

        // the supplier sees the buyer masked: never the phone, never the full nickname (API and page)
        Response seen = bought.supplier().session().get("/api/supplier/complaints/" + number);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("buyer").asString()).isEqualTo("投**");
        String page = bought.supplier().session().get("/console/supplier/complaints").body();
        for (String body : new String[] {seen.body(), bought.supplier().session().get("/api/supplier/complaints").body(), page}) {
            assertThat(body).doesNotContain(bought.buyer().phone()).doesNotContain("投诉果园的买家").doesNotContain("13800001111");
        }
        assertThat(page).contains(number).contains("投**").contains("收到的橙子个头比详情页小很多");
        assertThat(deposits.supplier("别家果园", 0).session().get("/api/supplier/complaints/" + number).status()).isEqualTo(404);
        assertThat(stranger.session().get("/api/me/complaints/" + number).status()).isEqualTo(404);
    }

    @Test
    void theSupplierAnswersOnceAndTheOperatorUpholdsWithAPenaltyToTheBuyer() {
        Bought bought = deposits.paidOrder("仲裁果园", 300);
        String number = file(bought);
        HttpSessionCalls supplier = new HttpSessionCalls(bought.supplier().session());
        assertThat(supplier.post("/api/supplier/complaints/" + number + "/answer", Map.of("answer", " ")).fieldError("answer")).isEqualTo("请填写内容");
        Response early = fixtures.operator().post("/api/admin/complaints/" + number + "/decision", decision(true, 100L, "BUYER", "先裁"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(supplier.post("/api/supplier/complaints/" + number + "/answer", Map.of("answer", "发货前已检查，愿意补发。")).status()).isEqualTo(200);
        Response twice = supplier.post("/api/supplier/complaints/" + number + "/answer", Map.of("answer", "再说一句"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.fieldError("answer")).isEqualTo("已经答复过，每条投诉只能答复一次");
        assertThat(bought.buyer().session().get("/api/me/complaints/" + number).json().get("answer").asString()).isEqualTo("发货前已检查，愿意补发。");

        long buyerAvailable = available(bought.buyer().id());
        Response tooMuch = fixtures.operator().post("/api/admin/complaints/" + number + "/decision", decision(true, 30_001L, "BUYER", "货不对板"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.fieldError("penaltyFen")).isEqualTo("扣罚金额超过保证金余额 ¥300.00");
        assertThat(fixtures.operator().post("/api/admin/complaints/" + number + "/decision", decision(true, -1L, "BUYER", "负数")).fieldError("penaltyFen"))
                .isEqualTo("扣罚金额不能为负数");
        assertThat(fixtures.operator().post("/api/admin/complaints/" + number + "/decision", decision(true, 100L, "", "没去向")).fieldError("penaltyTo"))
                .isNotNull();
        assertThat(fixtures.operator().post("/api/admin/complaints/" + number + "/decision", decision(true, 100L, "BUYER", "")).fieldError("reason"))
                .isNotNull();
        assertThat(fixtures.operator().post("/api/admin/complaints/" + number + "/decision", Map.of("penaltyFen", 100, "penaltyTo", "BUYER",
                "reason", "没说成立与否")).fieldError("upheld")).as("a verdict is never assumed").isEqualTo("请选择投诉成立或不成立");
        assertThat(status(number)).as("nothing changed").isEqualTo("AWAITING_DECISION");
        assertThat(deposits.balance(bought.supplier().supplierId())).isEqualTo(30_000);
        assertThat(available(bought.buyer().id())).isEqualTo(buyerAvailable);

        Response upheld = fixtures.operator().post("/api/admin/complaints/" + number + "/decision", decision(true, 12_000L, "BUYER", "商品与描述明显不符"));
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        assertThat(upheld.json().get("status").asString()).isEqualTo("UPHELD");
        assertThat(deposits.balance(bought.supplier().supplierId())).isEqualTo(18_000);
        assertThat(available(bought.buyer().id())).as("the buyer may withdraw it").isEqualTo(buyerAvailable + 12_000);
        assertThat(jdbc.sql("select count(*) from ledger_journal where business_key = ?").param("deposit-penalty:" + number).query(Long.class).single())
                .isEqualTo(1);
        assertThat(fixtures.operator().get("/api/admin/compliance").json().get("untraceable").valueStream()
                .map(finding -> finding.get("businessKey").asString())).as("a penalty paid to the buyer is a known movement, not a compliance finding")
                .doesNotContain("deposit-penalty:" + number);

        Response again = fixtures.operator().post("/api/admin/complaints/" + number + "/decision", decision(false, null, null, "改判"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("投诉已结束（已裁决或已撤回）");
        assertThat(deposits.balance(bought.supplier().supplierId())).isEqualTo(18_000);
        for (Response seen : new Response[] {bought.buyer().session().get("/api/me/complaints/" + number),
                bought.supplier().session().get("/api/supplier/complaints/" + number)}) {
            assertThat(seen.json().get("decisionReason").asString()).isEqualTo("商品与描述明显不符");
            assertThat(seen.json().get("penalty").get("fen").asLong()).isEqualTo(12_000);
        }
        assertThat(bought.buyer().session().get("/me/complaints").body()).contains("商品与描述明显不符").contains("¥120.00");
        assertThat(bought.supplier().session().get("/api/supplier/deposit").json().get("history").get(0).get("text").asString())
                .isEqualTo("投诉 " + number + " 成立，保证金扣罚赔付买家");
        Response shortNow = bought.supplier().session().get("/api/supplier/deposit");
        assertThat(shortNow.json().get("standing").get("shortfall").get("fen").asLong()).isEqualTo(12_000);

        Response withdrawn = bought.buyer().session().post("/api/me/withdrawals", Map.of("amountFen", 12_000),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(withdrawn.status()).as("the compensation is withdrawable like commission: " + withdrawn.body()).isEqualTo(201);
        assertThat(available(bought.buyer().id())).isEqualTo(buyerAvailable);
    }

    @Test
    void anUnansweredComplaintGoesToTheOperatorAtTheDeadlineAndMayBeDismissed() {
        Bought bought = deposits.paidOrder("逾期果园", 200);
        String number = file(bought);
        clock.advance(Duration.ofHours(71));
        assertThat(timers.runDue()).isZero();
        assertThat(status(number)).isEqualTo("AWAITING_ANSWER");
        clock.advance(Duration.ofHours(2));
        assertThat(timers.runDue()).isGreaterThanOrEqualTo(1);
        assertThat(status(number)).isEqualTo("AWAITING_DECISION");
        Response late = bought.supplier().session().post("/api/supplier/complaints/" + number + "/answer", Map.of("answer", "刚看到"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.fieldError("answer")).isEqualTo("已超过答复期限，投诉已交平台裁决");

        assertThat(fixtures.operator().post("/api/admin/complaints/" + number + "/decision", decision(false, 500L, "BUYER", "不成立")).fieldError("penaltyFen"))
                .isEqualTo("投诉不成立时不能扣罚");
        Response dismissed = fixtures.operator().post("/api/admin/complaints/" + number + "/decision", decision(false, null, null, "物流记录显示按时发货"));
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(dismissed.json().get("status").asString()).isEqualTo("DISMISSED");
        assertThat(deposits.balance(bought.supplier().supplierId())).isEqualTo(20_000);
        assertThat(fixtures.operator().get("/console/admin/complaints").body()).contains(number).contains("物流记录显示按时发货");
    }

    @Test
    void theBuyerWithdrawsAnOpenComplaintAndMayFileAgain() {
        Bought bought = deposits.paidOrder("撤回果园", 0);
        String number = file(bought);
        assertThat(bought.buyer().session().post("/api/me/complaints/" + number + "/withdraw", Map.of()).json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(bought.buyer().session().post("/api/me/complaints/" + number + "/withdraw", Map.of()).status()).isEqualTo(409);
        assertThat(fixtures.operator().post("/api/admin/complaints/" + number + "/decision", decision(false, null, null, "已撤回")).status()).isEqualTo(409);
        assertThat(bought.buyer().session().post("/api/me/complaints", filing(bought.order(), "SERVICE_ATTITUDE", "客服一直不回消息")).status()).isEqualTo(201);
        assertThat(bought.supplier().session().get("/api/admin/complaints").status()).isEqualTo(403);
    }

    @Test
    void thePagesFileAnswerAndDecideAndShowEachRefusalInTheReadersLanguage() {
        Bought bought = deposits.paidOrder("页面果园", 100);
        String form = "/me/complaints/new?order=" + bought.order();
        assertThat(bought.buyer().session().get("/me/orders/" + bought.order()).body()).contains(form).contains("投诉商家");
        Response noCategory = bought.buyer().session().postForm(form, "/me/complaints",
                Map.of("order", bought.order(), "line", "", "category", "", "text", "包装破损"));
        assertThat(noCategory.status()).isEqualTo(200);
        assertThat(noCategory.body()).contains("请选择投诉类型").contains("包装破损");
        Response english = bought.buyer().session().postForm(form + "&lang=en", "/me/complaints",
                Map.of("order", bought.order(), "category", "QUALITY", "text", " "));
        assertThat(english.body()).contains("Please write something");
        bought.buyer().session().get("/me/complaints?lang=zh_CN");
        assertThat(complaints(bought.order())).isZero();

        Response filed = bought.buyer().session().postForm(form, "/me/complaints",
                Map.of("order", bought.order(), "line", String.valueOf(bought.lineId()), "category", "COUNTERFEIT", "text", "商标印刷模糊，怀疑是仿品。"));
        assertThat(filed.status()).isEqualTo(302);
        assertThat(bought.buyer().session().get("/me/complaints").body()).contains("商标印刷模糊，怀疑是仿品。").contains("假冒伪劣").contains("待商家答复");
        String number = jdbc.sql("select number from complaint where order_number = ?").param(bought.order()).query(String.class).single();

        String console = "/console/supplier/complaints";
        bought.supplier().session().postForm(console, console + "/" + number + "/answer", Map.of("answer", "已送检，结果出来后回复。"));
        Response twice = bought.supplier().session().postForm(console, console + "/" + number + "/answer", Map.of("answer", "再答"));
        assertThat(twice.status()).isEqualTo(302);
        assertThat(bought.supplier().session().get(console).body()).contains("已经答复过，每条投诉只能答复一次").contains("已送检，结果出来后回复。");

        String admin = "/console/admin/complaints";
        fixtures.operator().postForm(admin, admin + "/" + number + "/decision",
                Map.of("verdict", "uphold", "penalty", "150", "penaltyTo", "PLATFORM", "reason", "鉴定为仿品"));
        assertThat(fixtures.operator().get(admin).body()).contains("扣罚金额超过保证金余额 ¥100.00");
        assertThat(status(number)).isEqualTo("AWAITING_DECISION");
        fixtures.operator().postForm(admin, admin + "/" + number + "/decision",
                Map.of("verdict", "uphold", "penalty", "100", "penaltyTo", "PLATFORM", "reason", "鉴定为仿品"));
        assertThat(status(number)).isEqualTo("UPHELD");
        assertThat(deposits.balance(bought.supplier().supplierId())).isZero();
        assertThat(bought.supplier().session().get("/console/supplier/deposit").body()).contains("¥100.00").contains("投诉 " + number + " 成立，保证金扣罚计入平台");
    }

    @Test
    void tenSimultaneousComplaintsAboutOneOrderFileOneAndFiveAnswersAnswerOnce() throws Exception {
        Bought bought = deposits.paidOrder("并发投诉果园", 0);
        List<Response> filings = Concurrently.all(10, () -> bought.buyer().session().post("/api/me/complaints",
                filing(bought.order(), "QUALITY", "同一订单并发投诉")));
        assertThat(filings).extracting(Response::status).containsOnly(201, 409);
        assertThat(filings.stream().filter(answer -> answer.status() == 201)).hasSize(1);
        filings.stream().filter(answer -> answer.status() == 409)
                .forEach(refused -> assertThat(refused.fieldError("orderNumber")).isEqualTo("该订单已有一条处理中的投诉"));
        assertThat(complaints(bought.order())).isEqualTo(1);

        String number = filings.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow().json().get("number").asString();
        List<Response> answers = Concurrently.all(5, () -> bought.supplier().session().post("/api/supplier/complaints/" + number + "/answer",
                Map.of("answer", "并发答复")));
        assertThat(answers).extracting(Response::status).containsOnly(200, 409);
        assertThat(answers.stream().filter(answer -> answer.status() == 200)).hasSize(1);
        assertThat(status(number)).isEqualTo("AWAITING_DECISION");
    }

    private String file(Bought bought) {
        Response filed = bought.buyer().session().post("/api/me/complaints", filing(bought.order(), "QUALITY", "收到的商品有破损。"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("number").asString();
    }

    static Map<String, Object> filing(String order, String category, String text) {
        return new HashMap<>(Map.of("orderNumber", order, "category", category, "text", text));
    }

    static Map<String, Object> decision(boolean upheld, Long penaltyFen, String penaltyTo, String reason) {
        Map<String, Object> decision = new HashMap<>(Map.of("upheld", upheld, "reason", reason));
        if (penaltyFen != null) {
            decision.put("penaltyFen", penaltyFen);
        }
        if (penaltyTo != null) {
            decision.put("penaltyTo", penaltyTo);
        }
        return decision;
    }

    private long complaints(String order) {
        return jdbc.sql("select count(*) from complaint where order_number = ?").param(order).query(Long.class).single();
    }

    private String status(String number) {
        return jdbc.sql("select status from complaint where number = ?").param(number).query(String.class).single();
    }

    private long available(long member) {
        return -ledger.balance("member:" + member + ":commission:available").fen();
    }

    private record HttpSessionCalls(com.kinshop.support.HttpSession session) {
        Response post(String path, Object body) {
            return session.post(path, body);
        }
    }
}
