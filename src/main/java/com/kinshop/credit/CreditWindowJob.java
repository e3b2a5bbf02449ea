package com.kinshop.credit;

import com.kinshop.catalog.SupplierId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Once a day, after the UTC day's bucket closes, every supplier with a standing is assessed again, so one whose old
 * complaints or late shipments have left the rolling window recovers without a new event (and one whose good figures
 * aged out is seen too). Each supplier is a few bucket sums, in its own transaction; events are not read again. Then
 * every product is scored at today's platform mean ({@link PriorDrift}), a supplier per transaction.
 */
@Component
class CreditWindowJob {

    private static final Logger log = LoggerFactory.getLogger(CreditWindowJob.class);

    private final JdbcClient jdbc;
    private final ScoreKeeper scores;
    private final PriorDrift priorDrift;
    private final TransactionTemplate transactions;

    CreditWindowJob(JdbcClient jdbc, ScoreKeeper scores, PriorDrift priorDrift, TransactionTemplate transactions) {
        this.priorDrift = priorDrift;
        this.jdbc = jdbc;
        this.scores = scores;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${kinshop.credit.window-cron:0 20 0 * * *}", zone = "UTC")
    @SchedulerLock(name = "credit-window", lockAtMostFor = "PT2H", lockAtLeastFor = "${kinshop.jobs.nightly-lock-at-least:PT5M}")
    void daily() {
        log.info("Credit window: {} supplier standings assessed again", refreshAll());
        priorDrift.rescoreAllAtTodaysMean(); // those listed since the last rescore too
    }

    int refreshAll() {
        List<Long> suppliers = jdbc.sql("select supplier_id from credit_standing order by supplier_id").query(Long.class).list();
        for (long supplier : suppliers) {
            transactions.executeWithoutResult(status -> scores.refreshStanding(new SupplierId(supplier), scores.rules(), scores.platformMean()));
        }
        return suppliers.size();
    }
}
