package com.kinshop.groupbuy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The groups' deadlines and the refund worker, swept like the other timers with the injected clock. A group still open
 * at its deadline is decided in its own transaction (claimed with {@code FOR UPDATE SKIP LOCKED}, the move guarded):
 * it fails and its paid seats become due for refund, or — virtual fill on and someone paid — it succeeds with simulated
 * seats and its paid orders are released. Then every seat due for refund is refunded, each in its own transaction
 * ({@link GroupRefunds}), so a crash mid-way loses nothing and the next sweep resumes.
 */
@Component
public class GroupTimers {

    private static final Logger log = LoggerFactory.getLogger(GroupTimers.class);

    private final JdbcClient jdbc;
    private final GroupMoves moves;
    private final GroupSeats seats;
    private final GroupRefunds refunds;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GroupTimers(JdbcClient jdbc, GroupMoves moves, GroupSeats seats, GroupRefunds refunds, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.seats = seats;
        this.refunds = refunds;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one sweep did. */
    public record Swept(int failed, int virtuallyFilled, int refunded) {
    }

    /** Every node sweeps: each due row is claimed with SKIP LOCKED and moved by a guarded update, so it is handled once. Tests call {@link #runDue} directly. */
    @Scheduled(fixedDelayString = "${kinshop.groupbuy.timer-interval:10s}", initialDelayString = "${kinshop.groupbuy.timer-interval:10s}")
    public void scheduled() {
        Swept swept = runDue();
        if (swept.failed() + swept.virtuallyFilled() + swept.refunded() > 0) {
            log.info("Group-buy timers: {} failed, {} completed by virtual fill, {} seats refunded", swept.failed(), swept.virtuallyFilled(),
                    swept.refunded());
        }
    }

    public Swept runDue() {
        Instant now = clock.instant();
        int failed = 0;
        int filled = 0;
        List<Long> due = jdbc.sql("select id from group_buy where status = ? and deadline <= ? order by deadline, id limit 100")
                .params(GroupStatus.OPEN.name(), GroupMoves.utc(now)).query(Long.class).list();
        for (long id : due) {
            try {
                GroupRules.AtDeadline decided = transactions.execute(status -> expire(id, now));
                if (decided != null) {
                    failed += decided.move() == GroupStatus.Move.FAIL ? 1 : 0;
                    filled += decided.move() == GroupStatus.Move.SUCCEED ? 1 : 0;
                }
            } catch (RuntimeException e) {
                log.warn("Group-buy timer could not close group {}: {}", id, e.toString());
            }
        }
        int refunded = 0;
        List<String> refunding = jdbc.sql("select order_number from group_seat where status = ? order by id limit 200")
                .param(SeatStatus.REFUNDING.name()).query(String.class).list();
        for (String order : refunding) {
            refunded += refunds.refundQuietly(order) ? 1 : 0;
        }
        return new Swept(failed, filled, refunded);
    }

    /** Decides a group whose deadline passed, unless another node or a payment holds it now (then the next sweep does). */
    private GroupRules.AtDeadline expire(long groupId, Instant now) {
        record Due(int size, int paid, boolean virtualFill) {
        }
        Due group = jdbc.sql("""
                        select g.group_size, g.paid_count, k.virtual_fill from group_buy g join group_campaign k on k.id = g.campaign_id
                        where g.id = ? and g.status = ? and g.deadline <= ? for update of g skip locked""")
                .params(groupId, GroupStatus.OPEN.name(), GroupMoves.utc(now))
                .query((rs, n) -> new Due(rs.getInt(1), rs.getInt(2), rs.getBoolean(3))).optional().orElse(null);
        if (group == null) {
            return null;
        }
        GroupRules.AtDeadline decided = GroupRules.atDeadline(group.paid(), group.size(), group.virtualFill());
        return moves.group(decided.move(), groupId, decided.virtualSeats(), now).map(moved -> {
            if (decided.move() == GroupStatus.Move.FAIL) {
                moves.refundsDue(groupId);
            } else {
                seats.succeeded(groupId);
            }
            return decided;
        }).orElse(null);
    }
}
