package com.kinshop.credit;

import com.kinshop.catalog.CompositeScores;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the counters into scores: a product's composite score (written to catalog), a supplier's credit standing.
 * Runs inside the transaction that changed the counters, after the counter rows were locked by their upserts, so two
 * events for one product or supplier compute one after the other and the later one sees both.
 */
@Component
class ScoreKeeper {

    private final JdbcClient jdbc;
    private final CreditRulesBook rulesBook;
    private final CompositeScores compositeScores;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScoreKeeper(JdbcClient jdbc, CreditRulesBook rulesBook, CompositeScores compositeScores, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.rulesBook = rulesBook;
        this.compositeScores = compositeScores;
        this.clock = clock;
    }

    /** What is stored for a supplier now (nothing before its first event). */
    record Stored(int score, CreditLevel level, boolean flagged, boolean suspended) {
    }

    double platformMean() {
        return jdbc.sql("select review_count, star_sum from credit_platform_total where id = 1")
                .query((rs, n) -> CompositeScore.platformMean(rs.getLong(1), rs.getLong(2))).optional().orElse(CompositeScore.DEFAULT_MEAN);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The supplier's counters summed over the last {@code windowDays} days (today included): at most that many rows. */
    CreditScore.Figures figures(SupplierId supplier, int windowDays) {
        return jdbc.sql("""
                        select coalesce(sum(ratings), 0), coalesce(sum(product_star_sum), 0), coalesce(sum(logistics_star_sum), 0),
                               coalesce(sum(service_star_sum), 0), coalesce(sum(orders_paid), 0), coalesce(sum(orders_shipped), 0),
                               coalesce(sum(shipped_on_time), 0), coalesce(sum(refunds_granted), 0), coalesce(sum(complaints_upheld), 0),
                               coalesce(sum(deposit_deductions), 0), coalesce(sum(deducted_fen), 0)
                        from credit_supplier_day where supplier_id = ? and day > ?""")
                .params(supplier.value(), today().minusDays(windowDays))
                .query((rs, n) -> new CreditScore.Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)))
                .single();
    }

    CreditScore.Assessment assess(SupplierId supplier, CreditRules rules, double platformMean) {
        return CreditScore.assess(figures(supplier, rules.windowDays()), platformMean, rules);
    }

    Optional<Stored> stored(SupplierId supplier) {
        return jdbc.sql("select score, level, flagged, suspended from credit_standing where supplier_id = ?").param(supplier.value())
                .query((rs, n) -> new Stored(rs.getInt(1), CreditLevel.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getBoolean(4))).optional();
    }

    /**
     * Recomputes and stores the supplier's standing; when its flag changes, its products' composite scores follow in one
     * statement. The standing row is locked first, so concurrent events for one supplier decide the change once.
     */
    CreditScore.Assessment refreshStanding(SupplierId supplier, CreditRules rules, double platformMean) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into credit_standing (supplier_id, score, level, computed_at) values (?, 0, ?, ?) on conflict do nothing")
                .params(supplier.value(), CreditLevel.POOR.name(), now).update();
        record Was(boolean flagged, boolean suspended) {
        }
        Was was = jdbc.sql("select flagged, suspended from credit_standing where supplier_id = ? for update").param(supplier.value())
                .query((rs, n) -> new Was(rs.getBoolean(1), rs.getBoolean(2))).single();
        CreditScore.Assessment assessment = assess(supplier, rules, platformMean);
        jdbc.sql("""
                        update credit_standing set score = ?, level = ?, flagged = ?, suspended = ?, computed_at = ?,
                               flagged_since = case when ? then coalesce(flagged_since, ?) end
                        where supplier_id = ?""")
                .params(assessment.score(), assessment.level().name(), assessment.flagged(), assessment.suspended(), now,
                        assessment.flagged(), now, supplier.value())
                .update();
        if (was.flagged() != assessment.flagged()) {
            rescoreAllOf(supplier, rules, platformMean, assessment.flagged());
        }
        if (was.flagged() != assessment.flagged() || was.suspended() != assessment.suspended()) {
            events.publishEvent(new CreditEvents.StandingChanged(supplier, assessment.score(), assessment.flagged(), assessment.suspended(),
                    now.toInstant()));
        }
        return assessment;
    }

    double supplierFactor(SupplierId supplier, CreditRules rules) {
        boolean flagged = jdbc.sql("select flagged from credit_standing where supplier_id = ?").param(supplier.value())
                .query(Boolean.class).optional().orElse(false);
        return flagged ? rules.flaggedFactor() : 1.0;
    }

    CompositeScore.Inputs inputs(ProductId product) {
        return jdbc.sql("select review_count, star_sum, units_sold, units_refunded, lines_sold, complaints_upheld from credit_product_counter where product_id = ?")
                .param(product.value())
                .query((rs, n) -> new CompositeScore.Inputs(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .optional().orElse(CompositeScore.Inputs.NONE);
    }

    void rescore(Collection<ProductId> products, SupplierId supplier, CreditRules rules, double platformMean) {
        double factor = supplierFactor(supplier, rules);
        for (ProductId product : products) {
            compositeScores.set(product, CompositeScore.of(inputs(product), platformMean, rules.priorWeight(), factor));
        }
    }

    /**
     * Every product of the supplier at {@code platformMean} and today's rules, in a transaction of its own (retried on a deadlock): the
     * standing row is read under a share lock first, as every scoring path takes it before writing scores, so a flag
     * changing meanwhile is waited for, not overwritten.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void rescoreProductsOf(SupplierId supplier, double platformMean) {
        rescoreOf(supplier, rules(), platformMean, flaggedHeld(supplier), true);
    }

    /**
     * The supplier's products without a counted review at {@code platformMean}, in a transaction of its own (same
     * locking as above, after the platform row's); false, and nothing written, once a newer claim has replaced that
     * mean. Reviewed products keep the score of their last event until it is recomputed.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean rescoreUnreviewedOf(SupplierId supplier, double platformMean) {
        if (!stillScoredAt(platformMean)) {
            return false;
        }
        rescoreOf(supplier, rules(), platformMean, flaggedHeld(supplier), false);
        return true;
    }

    /**
     * Whether {@code platformMean} is still the claimed one, held so until the caller's commit (a share lock on the
     * platform row, which a claim updates): a rescore for an older claim, finishing late, never overwrites a newer one's.
     */
    boolean stillScoredAt(double platformMean) {
        return jdbc.sql("select scored_mean from credit_platform_total where id = 1 for share").query(Double.class).single() == platformMean;
    }

    private boolean flaggedHeld(SupplierId supplier) {
        return jdbc.sql("select flagged from credit_standing where supplier_id = ? for share").param(supplier.value())
                .query(Boolean.class).optional().orElse(false);
    }

    /** Every product of the supplier: those with counters from them, the rest at the prior, all in one statement. */
    void rescoreAllOf(SupplierId supplier, CreditRules rules, double platformMean, boolean flagged) {
        rescoreOf(supplier, rules, platformMean, flagged, true);
    }

    /** As {@link #rescoreAllOf}, leaving products with counted reviews as they are unless {@code reviewedToo}. */
    private void rescoreOf(SupplierId supplier, CreditRules rules, double platformMean, boolean flagged, boolean reviewedToo) {
        double factor = flagged ? rules.flaggedFactor() : 1.0;
        Map<ProductId, Double> scores = new LinkedHashMap<>();
        List<ProductId> kept = new ArrayList<>();
        jdbc.sql("select product_id, review_count, star_sum, units_sold, units_refunded, lines_sold, complaints_upheld from credit_product_counter where supplier_id = ?")
                .param(supplier.value())
                .query(rs -> {
                    ProductId product = new ProductId(rs.getLong(1));
                    var inputs = new CompositeScore.Inputs(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
                    if (reviewedToo || inputs.reviewCount() == 0) {
                        scores.put(product, CompositeScore.of(inputs, platformMean, rules.priorWeight(), factor));
                    } else {
                        kept.add(product);
                    }
                });
        compositeScores.setAllOf(supplier, scores, CompositeScore.of(CompositeScore.Inputs.NONE, platformMean, rules.priorWeight(), factor), kept);
    }

    CreditRules rules() {
        return rulesBook.current();
    }
}
