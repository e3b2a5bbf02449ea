package com.kinshop.credit;

import com.kinshop.catalog.CompositeScores;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.SupplierView;
import com.kinshop.catalog.Suppliers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Keeps every product scored against one platform mean. A stored composite score carries the mean of its product's
 * last event, and a product never scored carries the default of its creation: as the mean falls, products without
 * reviews would outrank five-star ones. So once the mean has moved {@link #MEAN_DRIFT} or more since every product was
 * scored, the review event that moved it claims the rescore (an update of the platform row it already holds)
 * and publishes {@link PriorMoved}; after its commit, every product without a counted review is scored at that mean,
 * a supplier per transaction, and new products start at its prior. Reviewed products keep their last event's score
 * (the prior weighs less the more reviews there are); the nightly credit job scores every product again at the day's mean.
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

    /** Products without reviews (and new ones) at the claimed mean: one without figures scores exactly the prior at {@code scored_mean}. */
    @ApplicationModuleListener
    void on(PriorMoved moved) {
        for (SupplierId supplier : approvedSuppliers()) {
            if (!scores.rescoreUnreviewedOf(supplier, moved.mean())) {
                return; // a newer claim's rescore follows
            }
        }
        if (scores.stillScoredAt(moved.mean())) { // in this listener's transaction: held to its commit
            compositeScores.setForNewProducts(prior(moved.mean()));
        }
    }

    /** Nightly: every product at today's mean, which becomes the one drift is measured from. */
    void rescoreAllAtTodaysMean() {
        double mean = scores.platformMean();
        jdbc.sql("update credit_platform_total set scored_mean = ? where id = 1").param(mean).update();
        approvedSuppliers().forEach(supplier -> scores.rescoreProductsOf(supplier, mean));
        compositeScores.setForNewProducts(prior(mean));
    }

    /** Lowest id first: one order for every rescore. */
    private List<SupplierId> approvedSuppliers() {
        return suppliers.list(SupplierStatus.APPROVED).stream().map(SupplierView::id).sorted(Comparator.comparingLong(SupplierId::value)).toList();
    }

    private double prior(double mean) {
        return CompositeScore.of(CompositeScore.Inputs.NONE, mean, scores.rules().priorWeight(), 1.0);
    }
}
