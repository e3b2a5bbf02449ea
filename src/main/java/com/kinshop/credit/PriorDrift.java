package com.kinshop.credit;

import com.kinshop.catalog.CompositeScores;
import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.SupplierView;
import com.kinshop.catalog.Suppliers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.Comparator;

/**
 * Keeps every product scored against one platform mean. A stored composite score carries the mean of its product's
 * last event, and a product never scored carries the default of its creation: as the mean falls, products without
 * reviews would outrank five-star ones. So once the mean has moved {@link #MEAN_DRIFT} or more since every product was
 * scored, the review event that moved it claims the rescore (an update of the platform row it already holds)
 * and publishes {@link PriorMoved}; after its commit, every supplier's products are scored again, each supplier in a
 * transaction of its own, and new products get the new prior. The nightly credit job does the same.
 */
@Component
class PriorDrift {

    /** Stars are whole numbers and the mean moves slowly once there are many: a finer step would only cost statements. */
    static final double MEAN_DRIFT = 0.05;

    /** The platform mean moved: every product is to be scored again. */
    record PriorMoved(double mean) {
    }

    private final JdbcClient jdbc;
    private final ScoreKeeper scores;
    private final Suppliers suppliers;
    private final CompositeScores compositeScores;
    private final ApplicationEventPublisher events;

    PriorDrift(JdbcClient jdbc, ScoreKeeper scores, Suppliers suppliers, CompositeScores compositeScores, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.suppliers = suppliers;
        this.compositeScores = compositeScores;
        this.events = events;
    }

    /**
     * In a review event's transaction, which has just updated (and so holds) the platform row and read back its
     * {@code mean} and {@code scoredMean}: claims and announces a rescore when the mean has drifted. Costs nothing more
     * than the comparison unless it has.
     */
    void claimIfMoved(double mean, double scoredMean) {
        if (Math.abs(mean - scoredMean) < MEAN_DRIFT) {
            return;
        }
        jdbc.sql("update credit_platform_total set scored_mean = ? where id = 1").param(mean).update();
        events.publishEvent(new PriorMoved(mean));
    }

    @ApplicationModuleListener
    void on(PriorMoved moved) {
        rescoreAll();
    }

    /** Every approved supplier's products at today's mean, lowest supplier id first, one transaction each; then new products. */
    void rescoreAll() {
        suppliers.list(SupplierStatus.APPROVED).stream().map(SupplierView::id).sorted(Comparator.comparingLong(id -> id.value()))
                .forEach(scores::rescoreProductsOf);
        compositeScores.setForNewProducts(CompositeScore.of(CompositeScore.Inputs.NONE, scores.platformMean(), scores.rules().priorWeight(), 1.0));
    }
}
