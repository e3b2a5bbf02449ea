package com.kinshop.catalog;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Applies {@link PricingRule} to what is stored (at submission and approval, when the fee may have changed). */
final class ProductPricing {

    private ProductPricing() {
    }

    static void checkStored(JdbcClient jdbc, ProductId product, int platformFeeBp) {
        jdbc.sql("select position, spec, retail_fen, supply_fen, commission_kind, commission_value from sku where product_id = ? order by position")
                .param(product.value())
                .query((rs, n) -> PricingRule.check(rs.getInt(1), rs.getString(2), Money.fen(rs.getLong(3)), Money.fen(rs.getLong(4)),
                        new CommissionBudget(CommissionBudget.Kind.valueOf(rs.getString(5)), rs.getLong(6)), platformFeeBp))
                .list().stream().flatMap(java.util.List::stream).findFirst().ifPresent(ProductPricing::refuse);
    }

    static void refuse(PricingRule.Violation violation) {
        throw BusinessException.invalid("skus[" + violation.skuIndex() + "]." + violation.field(), violation.messageKey(), violation.args());
    }
}
