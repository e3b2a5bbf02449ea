package com.kinshop.coupon;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad template is refused with a localized error naming its field, and nothing is stored. */
@KinshopIT
class CouponTemplatesIT extends ApiTest {

    @Test
    void badTemplatesAreRefusedNamingTheFieldAndNothingIsStored() {
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("percentOff", Map.of("kind", "PERCENT_OFF", "percentOff", 0, "capFen", 500));
        bad.put("percentOff ", Map.of("kind", "PERCENT_OFF", "percentOff", 100, "capFen", 500));
        bad.put("capFen", Map.of("kind", "PERCENT_OFF", "percentOff", 20, "capFen", 0));
        bad.put("amountFen", Map.of("amountFen", 0));
        bad.put("amountFen ", Map.of("amountFen", -100));
        bad.put("thresholdFen", Map.of("thresholdFen", 1000));
        bad.put("validUntil", Map.of("validFrom", "2030-01-02T00:00:00+08:00", "validUntil", "2030-01-01T00:00:00+08:00", "validDays", "none"));
        bad.put("validUntil ", Map.of("validFrom", "2020-01-01T00:00:00+08:00", "validUntil", "2020-02-01T00:00:00+08:00", "validDays", "none"));
        bad.put("validDays", Map.of("validDays", 0));
        bad.put("validDays ", Map.of("validDays", 7, "validFrom", "2030-01-01T00:00:00+08:00", "validUntil", "2030-02-01T00:00:00+08:00"));
        bad.put("totalQuantity", Map.of("totalQuantity", 0));
        bad.put("perMemberLimit", Map.of("perMemberLimit", 0));
        bad.put("title", Map.of("title", " "));
        bad.put("targetId", Map.of("scope", "PRODUCT", "targetId", 99_999_999));
        bad.put("targetId  ", Map.of("scope", "CATEGORY"));
        long before = templates();
        for (var entry : bad.entrySet()) {
            for (String language : new String[] {"zh-CN", "en"}) {
                Response refused = fixtures.operator().language(language).post("/api/admin/coupon-templates", body(entry.getValue()));
                String field = entry.getKey().strip();
                assertThat(refused.status()).as(entry + " " + refused.body()).isEqualTo(400);
                assertThat(refused.fieldError(field)).as(entry + " " + refused.body()).isNotBlank();
                assertThat(refused.fieldError(field)).as("in " + language).matches(language.equals("en") ? "[\\x00-\\x7F¥]+" : ".*[\\u4e00-\\u9fa5].*");
            }
        }
        fixtures.operator().language("zh-CN");
        assertThat(templates()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aSupplierCannotIssueCategoryOrPlatformCouponsOrForAnotherSuppliersProduct() {
        Staff mine = fixtures.supplier("范围茶行");
        Staff theirs = fixtures.supplier("他家茶行");
        long[] theirProduct = fixtures.onSale(theirs, "他家的茶", 3000, 5);
        long before = templates();
        assertRefused(mine.session(), Map.of("scope", "CATEGORY", "targetId", fixtures.leafCategory()), "scope");
        assertRefused(mine.session(), Map.of("scope", "PLATFORM"), "scope");
        assertRefused(mine.session(), Map.of("scope", "PRODUCT", "targetId", theirProduct[0]), "targetId");
        assertRefused(mine.session(), Map.of("scope", "SUPPLIER", "targetId", theirs.supplierId()), "targetId");
        assertThat(templates()).isEqualTo(before);

        Response own = mine.session().post("/api/supplier/coupon-templates", body(Map.of("scope", "SUPPLIER")));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("targetId").asLong()).as("the supplier scope is the supplier's own").isEqualTo(mine.supplierId());
        assertThat(own.json().get("scopeText").asString()).contains("范围茶行");
    }

    private void assertRefused(HttpSession session, Map<String, Object> overrides, String field) {
        Response refused = session.post("/api/supplier/coupon-templates", body(overrides));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.fieldError(field)).as(refused.body()).isNotBlank();
    }

    /** A valid 满减 template with some fields replaced ("none" removes one). */
    private static Map<String, Object> body(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "测试券", "kind", "AMOUNT_OFF", "amountFen", 1000, "thresholdFen", 9900,
                "scope", "PLATFORM", "validDays", 7, "totalQuantity", 10, "perMemberLimit", 1));
        if ("PERCENT_OFF".equals(overrides.get("kind"))) {
            body.remove("amountFen");
            body.remove("thresholdFen");
        }
        body.putAll(overrides);
        body.values().removeIf("none"::equals);
        return body;
    }

    private long templates() {
        return jdbc.sql("select count(*) from coupon_template").query(Long.class).single();
    }
}
