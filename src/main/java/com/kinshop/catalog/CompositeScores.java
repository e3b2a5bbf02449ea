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

    /** Every product of {@code supplier} but {@code scored} (those the credit module has figures for) at {@code score}. */
    @Transactional
    public int setAllOfExcept(SupplierId supplier, Collection<ProductId> scored, double score) {
        Long[] ids = scored.stream().map(ProductId::value).toArray(Long[]::new);
        return jdbc.sql("update product set composite_score = :score where supplier_id = :supplier and id <> all(cast(:ids as bigint[]))")
                .param("score", score).param("supplier", supplier.value()).param("ids", ids).update();
    }

    /** Each of these products at its score, in one statement. */
    @Transactional
    public int setEach(Map<ProductId, Double> scores) {
        Long[] ids = scores.keySet().stream().map(ProductId::value).toArray(Long[]::new);
        Double[] values = scores.keySet().stream().map(scores::get).toArray(Double[]::new);
        return jdbc.sql("""
                        update product p set composite_score = v.score
                        from unnest(cast(:ids as bigint[]), cast(:scores as numeric[])) as v(id, score) where p.id = v.id""")
                .param("ids", ids).param("scores", values).update();
    }

    /** Every product of {@code supplier} in one statement: the given scores, {@code otherwise} for the rest. */
    @Transactional
    public int setAllOf(SupplierId supplier, Map<ProductId, Double> scores, double otherwise) {
        Long[] ids = scores.keySet().stream().map(ProductId::value).toArray(Long[]::new);
        Double[] values = scores.keySet().stream().map(scores::get).toArray(Double[]::new);
        return jdbc.sql("""
                        update product p set composite_score = coalesce(v.score, :otherwise)
                        from product q left join unnest(cast(:ids as bigint[]), cast(:scores as numeric[])) as v(id, score) on v.id = q.id
                        where p.id = q.id and q.supplier_id = :supplier""")
                .param("otherwise", otherwise).param("ids", ids).param("scores", values).param("supplier", supplier.value())
                .update();
    }
}
