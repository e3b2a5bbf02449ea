package com.kinshop.credit;

import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.SupplierView;
import com.kinshop.catalog.Suppliers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps every product scored against one platform mean. A stored composite score carries the mean of its product's
 * last event, and a product never scored carries the column's 75 (the mean 4.0): as the mean falls, products without
 * reviews would outrank five-star ones. So once the mean has moved {@link #MEAN_DRIFT} or more since every product was
 * scored, all of them are scored again, one statement per supplier. Runs after an event moved the mean, in its
 * transaction (which holds the platform total row, so two events never both rescore), and nightly.
 */
@Component
class PriorDrift {

    /** Stars are whole numbers and the mean moves slowly once there are many: a finer step would only cost statements. */
    static final double MEAN_DRIFT = 0.05;

    private final JdbcClient jdbc;
    private final ScoreKeeper scores;
    private final Suppliers suppliers;

    PriorDrift(JdbcClient jdbc, ScoreKeeper scores, Suppliers suppliers) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.suppliers = suppliers;
    }

    /** Scores every product again if the mean has drifted; true when it did. */
    boolean rescoreIfMoved() {
        double mean = scores.platformMean();
        double scoredWith = jdbc.sql("select scored_mean from credit_platform_total where id = 1").query(Double.class).single();
        if (Math.abs(mean - scoredWith) < MEAN_DRIFT) {
            return false;
        }
        rescoreEverything(mean);
        return true;
    }

    /** Every approved supplier's products at {@code mean} (new products, still at the column's default, included). */
    void rescoreEverything(double mean) {
        jdbc.sql("select id from credit_platform_total where id = 1 for update").query(Integer.class).single(); // one rescore at a time
        CreditRules rules = scores.rules();
        for (SupplierView supplier : suppliers.list(SupplierStatus.APPROVED)) {
            scores.rescoreAllOf(supplier.id(), rules, mean, scores.isFlagged(supplier.id()));
        }
        jdbc.sql("update credit_platform_total set scored_mean = ? where id = 1").param(mean).update();
    }
}
