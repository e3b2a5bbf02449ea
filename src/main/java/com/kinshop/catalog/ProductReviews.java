package com.kinshop.catalog;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** The operator's product review (平台背书): nothing is sold before an operator approves it. */
@Service
public class ProductReviews {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final PlatformSettings settings;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<SupplierCreditFlags> creditFlags;

    ProductReviews(JdbcClient jdbc, Catalog catalog, PlatformSettings settings, Clock clock,
                   org.springframework.beans.factory.ObjectProvider<SupplierCreditFlags> creditFlags) {
        this.creditFlags = creditFlags;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    /** Of the queue's suppliers, those flagged for low credit (低信用): the operator looks harder at their products. */
    public java.util.Set<SupplierId> lowCreditAmong(List<ProductDetail> queue) {
        java.util.Set<SupplierId> suppliers = queue.stream().map(ProductDetail::supplierId).collect(java.util.stream.Collectors.toSet());
        return creditFlags.stream().flatMap(flags -> flags.lowCredit(suppliers).stream()).collect(java.util.stream.Collectors.toSet());
    }

    public List<ProductDetail> queue() {
        return jdbc.sql("select id from product where status = 'PENDING_REVIEW' order by updated_at")
                .query(Long.class).list().stream()
                .map(id -> catalog.product(new ProductId(id)).orElseThrow())
                .toList();
    }

    /** Approves; the price rule is checked again with today's platform fee. First approval sets the "new" date. */
    @Transactional
    public void approve(AccountId operator, ProductId product) {
        ProductPricing.checkStored(jdbc, product, settings.platformFeeBp());
        decide(product, ProductStatus.ON_SALE, null);
    }

    @Transactional
    public void reject(AccountId operator, ProductId product, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw BusinessException.invalid("reason", "review.reason.required");
        }
        decide(product, ProductStatus.REJECTED, reason.strip());
    }

    private void decide(ProductId product, ProductStatus outcome, String reason) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int changed = jdbc.sql("""
                        update product set status = ?, review_reason = ?, updated_at = ?,
                               published_at = case when ? = 'ON_SALE' then coalesce(published_at, ?) else published_at end
                        where id = ? and status = 'PENDING_REVIEW'""")
                .params(outcome.name(), reason, now, outcome.name(), now, product.value())
                .update();
        if (changed != 1) {
            catalog.product(product).orElseThrow(() -> BusinessException.notFound("product.not-found"));
            throw BusinessException.conflict(null, "product.status.conflict");
        }
    }
}
