package com.kinshop.bargain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The bargain timers, swept from deadline columns like the other timers (each row in its own transaction, claimed
 * with {@code FOR UPDATE SKIP LOCKED}, each move guarded): a bargain not ordered by its deadline expires; a campaign
 * whose window closed ends. Every reader also compares the deadline with the clock, so nothing is sold or cut late
 * between two sweeps.
 */
@Component
public class BargainTimers {

    private static final Logger log = LoggerFactory.getLogger(BargainTimers.class);

    private final JdbcClient jdbc;
    private final BargainMoves moves;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BargainTimers(JdbcClient jdbc, BargainMoves moves, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every node sweeps: each due row is claimed with SKIP LOCKED and moved by a guarded update, so it is handled once. Tests call {@link #runDue} directly. */
    @Scheduled(fixedDelayString = "${kinshop.bargains.timer-interval:15s}", initialDelayString = "${kinshop.bargains.timer-interval:15s}")
    void scheduled() {
        runDue();
    }

    public void runDue() {
        Instant now = clock.instant();
        int expired = sweep("bargain", "status in (:states) and expires_at <= :due", BargainStatus.Move.EXPIRE.from().stream().map(Enum::name).toList(), now,
                id -> moves.expire(id, now));
        int ended = sweep("bargain_campaign", "status in (:states) and ends_at <= :due", CampaignStatus.Move.END.from().stream().map(Enum::name).toList(), now,
                id -> moves.campaign(CampaignStatus.Move.END, id, null, now));
        if (expired + ended > 0) {
            log.info("Bargain timers: {} bargains expired, {} campaigns ended", expired, ended);
        }
    }

    private int sweep(String table, String due, List<String> states, Instant now, LongPredicate move) {
        List<Long> dueIds = jdbc.sql("select id from " + table + " where " + due + " order by id limit 200")
                .param("states", states).param("due", BargainMoves.utc(now)).query(Long.class).list();
        int moved = 0;
        for (long id : dueIds) {
            try {
                Boolean done = transactions.execute(status -> jdbc.sql("select id from " + table + " where id = ? for update skip locked").param(id)
                        .query(Long.class).optional().isPresent() && move.test(id));
                moved += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Bargain timer could not move {} {}: {}", table, id, e.toString());
            }
        }
        return moved;
    }
}
