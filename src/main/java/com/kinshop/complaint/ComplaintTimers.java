package com.kinshop.complaint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Hands complaints the supplier left unanswered past the deadline to the operator: swept from the deadline column like
 * the order timers (each in its own transaction, claimed with {@code FOR UPDATE SKIP LOCKED}, moved by a guarded
 * update), so every node may run it and each complaint moves once. Tests call {@link #runDue} directly.
 */
@Component
public class ComplaintTimers {

    private static final Logger log = LoggerFactory.getLogger(ComplaintTimers.class);

    private final JdbcClient jdbc;
    private final ComplaintMoves moves;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ComplaintTimers(JdbcClient jdbc, ComplaintMoves moves, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kinshop.complaint.timer-interval:1m}", initialDelayString = "${kinshop.complaint.timer-interval:1m}")
    void scheduled() {
        runDue();
    }

    /** Answers how many complaints went to the operator unanswered. */
    public int runDue() {
        Instant now = clock.instant();
        List<String> due = jdbc.sql("select number from complaint where status = ? and answer_deadline <= ? order by answer_deadline limit 100")
                .params(ComplaintStatus.AWAITING_ANSWER.name(), now.atOffset(ZoneOffset.UTC)).query(String.class).list();
        int moved = 0;
        for (String number : due) {
            try {
                Boolean done = transactions.execute(status -> lockUnlessTaken(number) && moves.move(ComplaintStatus.Move.OVERDUE, number,
                        "answer_deadline <= :now", "overdue_at = :now", Map.of("now", now.atOffset(ZoneOffset.UTC))).isPresent());
                moved += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Complaint timer could not move {}: {}", number, e.toString());
            }
        }
        if (moved > 0) {
            log.info("Complaint timers: {} unanswered complaints handed to the operator", moved);
        }
        return moved;
    }

    /** Another node, or the supplier's answer, holds this complaint right now: leave it for the next sweep. */
    private boolean lockUnlessTaken(String number) {
        return jdbc.sql("select id from complaint where number = ? for update skip locked").param(number).query(Long.class).optional().isPresent();
    }
}
