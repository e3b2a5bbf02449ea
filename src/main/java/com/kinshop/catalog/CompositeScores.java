package com.kinshop.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;

/**
 * The composite score (综合评分) stored on each product, so the 综合 sort orders by an indexed column of catalog's own
 * table. The credit module computes it (from its counters) and sets it here.
 */
@Service
public class CompositeScores {

    private final JdbcClient jdbc;

    CompositeScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void set(ProductId product, double score) {
        jdbc.sql("update product set composite_score = ? where id = ?").params(score, product.value()).update();
    }

    /** The score a product gets when it is created, until the credit module scores it. */
    @Transactional
    public void setForNewProducts(double score) {
        jdbc.sql("update product_score_default set score = ? where id = 1").param(score).update();
    }

    /** Every product of {@code supplier} but {@code kept} in one statement: the given scores, {@code otherwise} for the rest. */
    @Transactional
    public int setAllOf(SupplierId supplier, Map<ProductId, Double> scores, double otherwise, Collection<ProductId> kept) {
        Long[] ids = scores.keySet().stream().map(ProductId::value).toArray(Long[]::new);
        Double[] values = scores.keySet().stream().map(scores::get).toArray(Double[]::new);
        Long[] keptIds = kept.stream().map(ProductId::value).toArray(Long[]::new);
        return jdbc.sql("""
                        update product p set composite_score = coalesce(v.score, :otherwise)
                        from product q left join unnest(cast(:ids as bigint[]), cast(:scores as numeric[])) as v(id, score) on v.id = q.id
                        where p.id = q.id and q.supplier_id = :supplier and q.id <> all(cast(:kept as bigint[]))""")
                .param("otherwise", otherwise).param("ids", ids).param("scores", values).param("supplier", supplier.value())
                .param("kept", keptIds).update();
    }
}
