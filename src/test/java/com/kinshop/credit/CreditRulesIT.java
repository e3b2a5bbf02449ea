package com.kinshop.credit;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's rules: the preview lists exactly who would change, saving applies it, bad input changes nothing. */
@KinshopIT
class CreditRulesIT extends ApiTest {

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MutableClock clock;
    @Autowired
    CreditCounters counters;
    @Autowired
    CreditRulesAdmin admin;

    CreditEvents events;

    @BeforeEach
    void events() {
        events = new CreditEvents(publisher, transactions, jdbc, clock, counters);
        events.handled();
    }

    @AfterEach
    void defaultRulesAgain() {
        admin.save(null, CreditRules.DEFAULTS); // the rules are shared by every test in this application
    }

    private static Map<String, Object> rules(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("windowDays", 90, "promisedShipHours", 48, "priorWeight", 20, "ratingWeight", 50, "shipWeight", 30,
                "afterSalesWeight", 20, "complaintPoints", 8, "deductionPoints", 5, "flagBelow", 60, "suspendBelow", 40));
        body.put("flaggedFactorPct", 70);
        body.putAll(changes);
        return body;
    }

    /** Every known supplier's standing as the rules in force see it: (score, level, flagged, suspended). */
    private Map<Long, List<Object>> standings() {
        Map<Long, List<Object>> all = new TreeMap<>();
        jdbc.sql("select supplier_id, score, level, flagged, suspended from credit_standing")
                .query(rs -> {
                    all.put(rs.getLong(1), List.of(rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)));
                });
        return all;
    }

    @Test
    void thePreviewListsExactlyTheSuppliersWhoseStandingChangesAndSavingAppliesIt() {
        Staff fair = fixtures.supplier("预览一般果园");
        Staff untouched = fixtures.supplier("预览良好果园"); // nothing: 88, good
        long product = fixtures.onSale(fair, "预览苹果", 2_000, 50)[0];
        long untouchedProduct = fixtures.onSale(untouched, "预览梨子", 2_000, 50)[0];
        events.publish(events.stars(untouchedProduct, untouched.supplierId(), 5, 5, 5));
        events.handled();
        // complaints one at a time (8 points each) until the score is just under 75: between 67 and 74, fair, not flagged at 60
        int complaints = 0;
        while (jdbc.sql("select score from credit_standing where supplier_id = ?").param(fair.supplierId()).query(Integer.class).optional().orElse(100) >= 75) {
            assertThat(++complaints).as("complaints needed").isLessThanOrEqualTo(5);
            events.publish(events.upheld(fair.supplierId(), product));
            events.handled();
        }
        double productBefore = jdbc.sql("select composite_score from product where id = ?").param(product).query(Double.class).single();

        Map<String, Object> stricter = rules(Map.of("flagBelow", 75));
        Response preview = fixtures.operator().post("/api/admin/credit/rules/preview", stricter);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Map<Long, String> previewed = new TreeMap<>();
        preview.json().forEach(change -> previewed.put(change.get("supplier").asLong(),
                change.get("flaggedBefore").asBoolean() + "→" + change.get("flaggedAfter").asBoolean()));
        assertThat(previewed).containsEntry(fair.supplierId(), "false→true").doesNotContainKey(untouched.supplierId());
        assertThat(jdbc.sql("select flag_below from credit_rules").query(Integer.class).single()).as("a preview saves nothing").isEqualTo(60);

        Map<Long, List<Object>> before = standings();
        Response saved = fixtures.operator().put("/api/admin/credit/rules", stricter);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Map<Long, List<Object>> after = standings();
        // exactly the previewed suppliers changed level, flag or suspension (suppliers of other tests included)
        List<Long> changed = after.keySet().stream().filter(id -> !after.get(id).equals(before.get(id))).toList();
        assertThat(changed).containsExactlyInAnyOrderElementsOf(previewed.keySet());
        List<Long> answered = new java.util.ArrayList<>();
        saved.json().forEach(change -> answered.add(change.get("supplier").asLong()));
        assertThat(answered).containsExactlyInAnyOrderElementsOf(previewed.keySet());

        assertThat(jdbc.sql("select flag_below from credit_rules").query(Integer.class).single()).isEqualTo(75);
        assertThat(after.get(fair.supplierId())).containsExactly("FAIR", true, false);
        assertThat(jdbc.sql("select composite_score from product where id = ?").param(product).query(Double.class).single())
                .as("its products now rank at 70 %").isCloseTo(productBefore * 0.7, org.assertj.core.api.Assertions.within(0.01));
        String console = fixtures.operator().get("/console/admin/credit").body();
        assertThat(console).contains("data-supplier=\"" + fair.supplierId() + "\"").contains("预览一般果园");
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndNothingChanges() {
        List<Object> before = jdbc.sql("select * from credit_rules").query((rs, n) -> {
            List<Object> row = new java.util.ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getObject(i));
            }
            return row;
        }).single();
        HttpSession operator = fixtures.operator();
        Map<String, String> expected = Map.of(
                "windowDays", "统计窗口须为 7 到 365 之间的整数（天）",
                "ratingWeight", "评价、按时发货、售后三项权重合计须为 100 分（现为 110 分）",
                "suspendBelow", "暂停活动阈值须为不大于标记阈值的非负整数",
                "flaggedFactorPct", "被标记商品保留的综合分须为 10 到 100 之间的整数（%）");
        List<Map<String, Object>> bad = List.of(rules(Map.of("windowDays", 3)), rules(Map.of("afterSalesWeight", 30)),
                rules(Map.of("suspendBelow", 70)), rules(Map.of("flaggedFactorPct", 0)));
        List<String> fields = List.of("windowDays", "ratingWeight", "suspendBelow", "flaggedFactorPct");
        for (int i = 0; i < bad.size(); i++) {
            for (Response answer : List.of(operator.put("/api/admin/credit/rules", bad.get(i)), operator.post("/api/admin/credit/rules/preview", bad.get(i)))) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                assertThat(answer.fieldError(fields.get(i))).isEqualTo(expected.get(fields.get(i)));
            }
        }
        Map<String, Object> missing = rules(Map.of());
        missing.remove("promisedShipHours");
        Response answer = fixtures.signIn(com.kinshop.support.Fixtures.OPERATOR_PHONE, com.kinshop.support.Fixtures.DEMO_PASSWORD).language("en").put("/api/admin/credit/rules", missing);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.fieldError("promisedShipHours")).isEqualTo("The promised ship time must be a whole number of hours from 1 to 720");

        // the console form names the field too
        Response form = fixtures.operator().postForm("/console/admin/credit", "/console/admin/credit", Map.ofEntries(Map.entry("action", "save"), Map.entry("windowDays", "九十"),
                Map.entry("promisedShipHours", "48"), Map.entry("priorWeight", "20"), Map.entry("ratingWeight", "50"), Map.entry("shipWeight", "30"),
                Map.entry("afterSalesWeight", "20"), Map.entry("complaintPoints", "8"), Map.entry("deductionPoints", "5"), Map.entry("flagBelow", "60"),
                Map.entry("suspendBelow", "40")));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("统计窗口须为 7 到 365 之间的整数（天）").contains("id=\"rule-windowDays\"");

        List<Object> after = jdbc.sql("select * from credit_rules").query((rs, n) -> {
            List<Object> row = new java.util.ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getObject(i));
            }
            return row;
        }).single();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void onlyTheOperatorReadsOrEditsTheRules() {
        Staff supplier = fixtures.supplier("想改规则的果园");
        assertThat(supplier.session().get("/api/admin/credit/rules").status()).isEqualTo(403);
        assertThat(supplier.session().put("/api/admin/credit/rules", rules(Map.of("flagBelow", 0))).status()).isEqualTo(403);
        assertThat(new HttpSession(port).get("/api/admin/credit/rules").status()).isEqualTo(401);
        assertThat(new HttpSession(port).get("/api/credit/suppliers/" + supplier.supplierId()).status()).as("the public credit needs no sign-in").isEqualTo(200);
        assertThat(jdbc.sql("select flag_below from credit_rules").query(Integer.class).single()).isEqualTo(60);
    }
}
