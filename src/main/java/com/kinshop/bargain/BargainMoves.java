package com.kinshop.bargain;

import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The one place a campaign or a bargain changes state, and where a campaign's units move: each a guarded UPDATE with
 * the move's from-states (or the counters' bound) in its WHERE clause, whose row count decides — a timer on two
 * nodes, a payment event delivered twice, or two helps at once move it once.
 */
@Component
class BargainMoves {

    private final JdbcClient jdbc;

    BargainMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean campaign(CampaignStatus.Move move, long campaignId, String reason, Instant now) {
        String stamp = move == CampaignStatus.Move.END ? "ended_at" : "decided_at";
        return jdbc.sql("update bargain_campaign set status = :to, " + stamp + " = :now, decision_reason = coalesce(:reason, decision_reason)"
                        + " where id = :id and status in (:from)")
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("id", campaignId)
                .param("reason", reason).param("now", utc(now)).update() == 1;
    }

    /**
     * Takes cut {@code taken + 1} of {@code amountFen}: only while in progress, before the deadline and still at
     * {@code taken} cuts (the caller read it under the row's lock); the last cut moves it to the floor. Answers the price now.
     */
    java.util.Optional<Long> cut(long bargainId, int taken, long amountFen, boolean last, Instant now) {
        BargainStatus to = last ? BargainStatus.Move.REACH_FLOOR.to() : BargainStatus.IN_PROGRESS;
        return jdbc.sql("""
                        update bargain set cuts_taken = cuts_taken + 1, current_fen = current_fen - :amount, status = :to
                        where id = :id and status in (:from) and cuts_taken = :taken and expires_at > :now returning current_fen""")
                .param("amount", amountFen).param("to", to.name()).param("from", StateNames.of(BargainStatus.Move.REACH_FLOOR.from()))
                .param("id", bargainId).param("taken", taken).param("now", utc(now)).query(Long.class).optional();
    }

    /** Orders the bargain at its current price (frozen from now on), before its deadline only. */
    boolean order(long bargainId, long priceFen, String checkoutNumber, String orderNumber, Instant now) {
        return jdbc.sql("""
                        update bargain set status = :to, ordered_fen = :price, checkout_number = :checkout, order_number = :order
                        where id = :id and status in (:from) and expires_at > :now and current_fen = :price""")
                .param("to", BargainStatus.Move.ORDER.to().name()).param("from", StateNames.of(BargainStatus.Move.ORDER.from()))
                .param("price", priceFen).param("checkout", checkoutNumber).param("order", orderNumber).param("id", bargainId)
                .param("now", utc(now)).update() == 1;
    }

    /** The bargain's order was paid: returns the campaign whose unit is now sold, if this delivery made the move. */
    List<Long> pay(String orderNumber, Instant now) {
        return jdbc.sql("update bargain set status = :to, ended_at = :now where order_number = :order and status in (:from) returning campaign_id")
                .param("to", BargainStatus.Move.PAY.to().name()).param("from", StateNames.of(BargainStatus.Move.PAY.from()))
                .param("order", orderNumber).param("now", utc(now)).query(Long.class).list();
    }

    /** Its unpaid order was cancelled: back to where it was (or expired past the deadline), the order forgotten. */
    List<Long> giveBack(String orderNumber, Instant now) {
        return jdbc.sql("""
                        update bargain set status = case when expires_at <= :now then :lapsed when current_fen = floor_fen then :atFloor else :inProgress end,
                               ended_at = case when expires_at <= :now then :now end, order_number = null, checkout_number = null, ordered_fen = null
                        where order_number = :order and status in (:from) returning campaign_id""")
                .param("lapsed", BargainStatus.Move.LAPSE.to().name()).param("atFloor", BargainStatus.Move.GIVE_BACK_AT_FLOOR.to().name())
                .param("inProgress", BargainStatus.Move.GIVE_BACK.to().name()).param("from", StateNames.of(BargainStatus.Move.GIVE_BACK.from()))
                .param("order", orderNumber).param("now", utc(now)).query(Long.class).list();
    }

    boolean expire(long bargainId, Instant now) {
        return jdbc.sql("update bargain set status = :to, ended_at = :now where id = :id and status in (:from) and expires_at <= :now")
                .param("to", BargainStatus.Move.EXPIRE.to().name()).param("from", StateNames.of(BargainStatus.Move.EXPIRE.from()))
                .param("id", bargainId).param("now", utc(now)).update() == 1;
    }

    /** One of the campaign's units into an order awaiting payment, if any is left. */
    boolean reserveUnit(long campaignId) {
        return jdbc.sql("update bargain_campaign set reserved = reserved + 1 where id = ? and sold + reserved < units").param(campaignId).update() == 1;
    }

    void sellUnit(long campaignId) {
        requireOne(jdbc.sql("update bargain_campaign set reserved = reserved - 1, sold = sold + 1 where id = ? and reserved > 0").param(campaignId).update(),
                campaignId);
    }

    void releaseUnit(long campaignId) {
        requireOne(jdbc.sql("update bargain_campaign set reserved = reserved - 1 where id = ? and reserved > 0").param(campaignId).update(), campaignId);
    }

    /** Each unit move follows a bargain move made in the same transaction, so a miss is a broken invariant, not a race. */
    private static void requireOne(int rows, long campaignId) {
        if (rows != 1) {
            throw new IllegalStateException("Bargain campaign " + campaignId + " has no reserved unit to move");
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
