package com.kinshop.commission;

import com.kinshop.ordering.OrderTimers;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MoneyPathTest;
import com.kinshop.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member's statement (收支明细), the operator's ledger and tier names are stored as what happened and shown in the
 * reader's language: in English, nothing Chinese is left in them; counts say "1 person", "2 people".
 */
@KinshopIT
class StatementLanguagesIT extends MoneyPathTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern REASON = Pattern.compile("data-testid=\"reason\">([^<]*)<");
    private static final Pattern JOURNAL_ROW = Pattern.compile("<tr data-journal>(.*?)</tr>", Pattern.DOTALL);

    @Autowired
    OrderTimers timers;
    @Autowired
    MutableClock clock;

    @Test
    void theStatementTheLedgerAndTierNamesReadInEnglishWithoutChinese() {
        Staff supplier = fixtures.supplier("英文账单供应商");
        long sku = fixtures.onSale(supplier, "Honey Jar", 5_000, 10)[1];
        Member sharer = fixtures.member("英文账单分享者");
        String shop = Fixtures.openShop(sharer, "Honey shop", "e");
        Member buyer = fixtures.member("英文账单买家");
        Fixtures.bindTo(buyer, shop);
        String order = purchases.placeAndPay(buyer, 1, sku).orderNumbers().get(0);
        assertThat(supplier.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "SF", "trackingNumber", "SF" + order)).status())
                .isEqualTo(200);
        assertThat(buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        timers.runDue();
        assertThat(purchases.status(order)).isEqualTo("COMPLETED");

        List<String> statement = matches(REASON, page(sharer.session(), "/me/earnings/history?lang=en"));
        assertThat(statement).hasSize(2).noneMatch(text -> CJK.matcher(text).find())
                .contains("Order " + order + " completed: the commission is settled and can be withdrawn")
                .anySatisfy(text -> assertThat(text).matches("Estimated commission: order " + order + " \\(Honey Jar\\), level 1, \\d+(\\.\\d+)?%"));
        List<String> chineseStatement = matches(REASON, page(sharer.session(), "/me/earnings/history?lang=zh_CN"));
        assertThat(chineseStatement).contains("订单 " + order + " 已完成，佣金结算可提现");

        List<String> api = new ArrayList<>();
        JsonNode history = sharer.session().get("/api/me/earnings/history?lang=en").json();
        for (JsonNode line : history) {
            api.add(line.get("description").asString());
            assertThat(line.get("postedAt").asString()).endsWith("+08:00");
        }
        assertThat(api).hasSize(2).noneMatch(text -> CJK.matcher(text).find()).contains("Order " + order + " completed: the commission is settled and can be withdrawn");
        // from the member's side: the estimate is income, and the settlement moves it to available in one line
        JsonNode settled = history.get(0);
        JsonNode estimated = history.get(1);
        assertThat(estimated.get("estimatedChange").get("fen").asLong()).isPositive();
        assertThat(estimated.get("availableChange").get("fen").asLong()).isZero();
        assertThat(settled.get("estimatedChange").get("fen").asLong()).isEqualTo(-estimated.get("estimatedChange").get("fen").asLong());
        assertThat(settled.get("availableChange").get("fen").asLong()).isEqualTo(estimated.get("estimatedChange").get("fen").asLong());

        HttpSession operator = fixtures.operator();
        try {
            List<String> ledgerRows = matches(JOURNAL_ROW, page(operator.language("en"), "/console/admin/ledger")).stream()
                    .filter(row -> row.contains(order)).toList();
            assertThat(ledgerRows).anySatisfy(row -> assertThat(row).contains("Order " + order + " paid; the money is held in escrow"))
                    .anySatisfy(row -> assertThat(row).contains("Order " + order + " settled: supplier payable and platform revenue"))
                    .noneMatch(row -> CJK.matcher(row).find());
        } finally {
            operator.language("zh-CN");
        }

        assertThat(sharer.session().get("/api/me/referral").json().get("tier").asString()).isEqualTo("Member");
        assertThat(page(sharer.session(), "/me/team?lang=en")).contains("data-testid=\"tier\">Member<");
    }

    @Test
    void countsInEnglishAreSingularForOneAndPluralForTwo() {
        Staff supplier = fixtures.supplier("复数供应商");
        long sku = fixtures.onSale(supplier, "Tea", 1_000, 10)[1];
        Member sharer = fixtures.member("复数分享者");
        String shop = Fixtures.openShop(sharer, "Tea shop", "p");
        Member first = fixtures.member("复数一号");
        Fixtures.bindTo(first, shop);
        purchases.placeAndPay(first, 1, sku);

        String one = page(sharer.session(), "/me/team?lang=en");
        assertThat(one).contains("Level 1: 1 · Level 2: 0").contains(">1 person<").contains(">1 order<").doesNotContain("1 people").doesNotContain("1 orders");

        Member second = fixtures.member("复数二号");
        Fixtures.bindTo(second, shop);
        purchases.placeAndPay(first, 1, sku);
        String two = page(sharer.session(), "/me/team?lang=en");
        assertThat(two).contains(">2 people<").contains(">2 orders<");
    }

    @Test
    void aRejectedWithdrawalReadsInEnglishWithTheOperatorsOwnWords() {
        Map<String, Object> policy = new java.util.HashMap<>(Map.of("depth", 2, "threeLevelAllowed", false, "selfPurchase", true, "bindAt", "SIGN_IN",
                "minWithdrawalFen", 1000, "dailyWithdrawalLimitFen", 500_000, "withdrawalFeeBp", 0, "autoApproveBelowFen", 0));
        assertThat(fixtures.operator().put("/api/admin/distribution/policy", policy).status()).isEqualTo(200);
        try {
            Staff supplier = fixtures.supplier("退回提现供应商");
            long sku = fixtures.onSale(supplier, "Big Honey", 50_000, 10)[1];
            Member sharer = fixtures.member("退回提现分享者");
            String shop = Fixtures.openShop(sharer, "Big shop", "w");
            Member buyer = fixtures.member("退回提现买家");
            Fixtures.bindTo(buyer, shop);
            String order = purchases.placeAndPay(buyer, 1, sku).orderNumbers().get(0);
            supplier.session().post("/api/supplier/orders/" + order + "/shipment", Map.of("carrier", "SF", "trackingNumber", "SF" + order));
            buyer.session().post("/api/me/orders/" + order + "/receipt", Map.of());
            clock.advance(Duration.ofDays(7).plusMinutes(1));
            timers.runDue();
            Response requested = sharer.session().post("/api/me/withdrawals", Map.of("amountFen", 1_000), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(requested.status()).as(requested.body()).isEqualTo(201);
            String number = requested.json().get("number").asString();
            assertThat(fixtures.operator().post("/api/admin/withdrawals/" + number + "/reject", Map.of("reason", "bank card mismatch")).status()).isEqualTo(200);
            assertThat(fixtures.operator().post("/api/admin/withdrawals/" + number + "/reject", Map.of("reason", "again")).status()).isEqualTo(409);
            assertThat(fixtures.operator().post("/api/admin/withdrawals/W" + number + "NOPE/approve", Map.of()).status()).isEqualTo(404);
            assertThat(fixtures.operator().get("/api/admin/compliance").json().get("untraceable").valueStream()
                    .map(finding -> finding.get("businessKey").asString())).as("a rejected withdrawal's return is a known movement")
                    .noneMatch(key -> key.endsWith(number));

            List<String> statement = matches(REASON, page(sharer.session(), "/me/earnings/history?lang=en"));
            assertThat(statement).contains("Withdrawal " + number + " requested", "Withdrawal " + number + " rejected, back in the balance: bank card mismatch")
                    .noneMatch(text -> CJK.matcher(text).find());
        } finally {
            policy.put("autoApproveBelowFen", 1_000_000);
            assertThat(fixtures.operator().put("/api/admin/distribution/policy", policy).status()).isEqualTo(200);
        }
    }

    private static String page(HttpSession session, String path) {
        Response response = session.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> matches(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }
}
