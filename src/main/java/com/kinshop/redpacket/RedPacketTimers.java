package com.kinshop.redpacket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The campaigns' timers, swept from deadline columns like the order timers (each campaign in its own transaction,
 * claimed with {@code FOR UPDATE SKIP LOCKED}, each move guarded): a campaign starts at its start; at its end the
 * unclaimed budget goes back to the supplier at once; packets won but not spent go back once they can no longer be
 * spent — their coupons are valid until the end, and an order that locked one before the end may still be paid
 * within the payment window ({@code kinshop.orders.payment-timeout}), plus {@code kinshop.red-packets.settle-grace}
 * for that payment's event to arrive.
 */
@Component
public class RedPacketTimers {

    private static final Logger log = LoggerFactory.getLogger(RedPacketTimers.class);

    private final JdbcClient jdbc;
    private final RedPacketMoves moves;
    private final RedPacketBooks books;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration spendableAfterEnd;

    RedPacketTimers(JdbcClient jdbc, RedPacketMoves moves, RedPacketBooks books, TransactionTemplate transactions, Clock clock,
                    @Value("${kinshop.orders.payment-timeout}") Duration paymentTimeout,
                    @Value("${kinshop.red-packets.settle-grace:10m}") Duration settleGrace) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.books = books;
        this.transactions = transactions;
        this.clock = clock;
        this.spendableAfterEnd = paymentTimeout.plus(settleGrace);
    }

    /** How long after its end a campaign's packets may still be spent; then the rest go back. */
    public Duration spendableAfterEnd() {
        return spendableAfterEnd;
    }

    /** Every node sweeps: each due row is claimed with SKIP LOCKED and moved by a guarded update, so it is handled once. Tests call {@link #runDue} directly. */
    @Scheduled(fixedDelayString = "${kinshop.red-packets.timer-interval:15s}", initialDelayString = "${kinshop.red-packets.timer-interval:15s}")
    void scheduled() {
        runDue();
    }

    public void runDue() {
        Instant now = clock.instant();
        int started = sweep(CampaignStatus.SCHEDULED, "starts_at <= ?", now, id -> moves.start(id, now).isPresent());
        int ended = sweep(CampaignStatus.RUNNING, "ends_at <= ?", now, id -> end(id, now))
                + sweep(CampaignStatus.SCHEDULED, "ends_at <= ?", now, id -> end(id, now));
        int settled = sweep(CampaignStatus.ENDED, "ends_at <= ?", now.minus(spendableAfterEnd), id -> settle(id, now));
        if (started + ended + settled > 0) {
            log.info("Red-packet timers: {} started, {} ended, {} settled", started, ended, settled);
        }
    }

    private boolean end(long id, Instant now) {
        return moves.end(id, now).map(campaign -> {
            books.returnUnclaimed(campaign.id(), campaign.supplierId(), campaign.name(), campaign.unclaimed());
            return true;
        }).orElse(false);
    }

    /** Every packet still unspent goes back (each posted once), then the campaign is settled: its share of the hold is empty. */
    private boolean settle(long id, Instant now) {
        moves.giveBackUnspent(id, now).forEach(packet -> books.packetReturned(packet.id(), packet.supplierId(), packet.amount(), packet.campaignName()));
        return moves.settle(id, now).isPresent();
    }

    private int sweep(CampaignStatus state, String dueCondition, Instant due, LongPredicate move) {
        List<Long> dueIds = jdbc.sql("select id from red_packet_campaign where status = ? and " + dueCondition + " order by id limit 100")
                .params(state.name(), RedPacketCampaigns.utc(due)).query(Long.class).list();
        int moved = 0;
        for (long id : dueIds) {
            try {
                Boolean done = transactions.execute(status -> lockUnlessTaken(id) && move.test(id));
                moved += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Red-packet timer could not move campaign {}: {}", id, e.toString());
            }
        }
        return moved;
    }

    /** Another node, or a claim, holds this campaign right now: leave it for the next sweep. */
    private boolean lockUnlessTaken(long id) {
        return jdbc.sql("select id from red_packet_campaign where id = ? for update skip locked").param(id).query(Long.class).optional().isPresent();
    }
}
