package com.kinshop.groupbuy;

import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The one place groups, seats and campaign units change: guarded UPDATEs whose WHERE clause holds the move's
 * from-states (or the bound a count must respect) and whose returned row decides. A payment event delivered twice, a
 * timer on two nodes or fifty joiners at the last seat each move a row once. Lock order: a seat first when the move
 * starts from one (payment, release), then the group, then the campaign (a join: group, campaign, then the SKU); the timer locks only the group and moves
 * paid seats, which no seat-first path is moving from at the same time.
 */
@Component
class GroupMoves {

    private final JdbcClient jdbc;

    GroupMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A seat that moved, with what the counts need. */
    record MovedSeat(long id, long groupId, long campaignId, long memberId, int quantity, String orderNumber) {
    }

    /** A group that moved. */
    record MovedGroup(long id, long campaignId, int size, int paidCount, int virtualSeats) {
    }

    /** Takes a seat: only in an open group before its deadline, never beyond its size. */
    boolean takeSeat(long groupId, Instant now) {
        return jdbc.sql("""
                        update group_buy set seats_taken = seats_taken + 1
                        where id = :id and status = :open and seats_taken < group_size and deadline > :now""")
                .param("id", groupId).param("open", GroupStatus.OPEN.name()).param("now", utc(now)).update() == 1;
    }

    /** A seat left: it follows the seat's own move in the same transaction, so a miss is a broken count, not a race. */
    void freeSeat(long groupId) {
        if (jdbc.sql("update group_buy set seats_taken = seats_taken - 1 where id = ? and seats_taken > 0").param(groupId).update() != 1) {
            throw new IllegalStateException("Group " + groupId + " has no taken seat to free");
        }
    }

    /** Counts a payment in an open group; the answer says how many have paid now (empty: the group is not open). */
    Optional<MovedGroup> countPayment(long groupId) {
        return jdbc.sql("""
                        update group_buy set paid_count = paid_count + 1 where id = :id and status = :open and paid_count < seats_taken
                        returning id, campaign_id, group_size, paid_count, virtual_seats""")
                .param("id", groupId).param("open", GroupStatus.OPEN.name())
                .query((rs, n) -> new MovedGroup(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))).optional();
    }

    Optional<MovedGroup> group(GroupStatus.Move move, long groupId, int virtualSeats, Instant now) {
        return jdbc.sql("""
                        update group_buy set status = :to, virtual_seats = :virtual, closed_at = :now where id = :id and status in (:from)
                        returning id, campaign_id, group_size, paid_count, virtual_seats""")
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("id", groupId)
                .param("virtual", virtualSeats).param("now", utc(now))
                .query((rs, n) -> new MovedGroup(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))).optional();
    }

    /** Moves the seat of an order; {@code alsoSet} names the column stamped with {@code now} (or null). */
    Optional<MovedSeat> seat(SeatStatus.Move move, String orderNumber, String alsoSet, Instant now) {
        return jdbc.sql("update group_seat set status = :to" + (alsoSet == null ? "" : ", " + alsoSet + " = :now")
                        + " where order_number = :order and status in (:from)"
                        + " returning id, group_id, campaign_id, member_id, quantity, order_number")
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("order", orderNumber).param("now", utc(now))
                .query((rs, n) -> new MovedSeat(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getString(6)))
                .optional();
    }

    /** Every paid seat of a failed group becomes due for refund, in one statement. */
    int refundsDue(long groupId) {
        return jdbc.sql("update group_seat set status = :to where group_id = :group and status in (:from)")
                .param("to", SeatStatus.Move.REFUND_DUE.to().name()).param("from", StateNames.of(SeatStatus.Move.REFUND_DUE.from()))
                .param("group", groupId).update();
    }

    /** Units for a new seat: never beyond what the campaign set aside. */
    boolean reserveUnits(long campaignId, int quantity) {
        return jdbc.sql("update group_campaign set units_reserved = units_reserved + :q where id = :id and units_reserved + units_sold + :q <= units")
                .param("q", quantity).param("id", campaignId).update() == 1;
    }

    /** A seat was paid: its units go from reserved to sold. */
    void unitsSold(long campaignId, int quantity) {
        units(campaignId, "units_reserved = units_reserved - :q, units_sold = units_sold + :q", "units_reserved >= :q", quantity);
    }

    /** A seat left unpaid: its reserved units come back. */
    void unitsReleased(long campaignId, int quantity) {
        units(campaignId, "units_reserved = units_reserved - :q", "units_reserved >= :q", quantity);
    }

    /** A paid seat was refunded: its sold units come back. */
    void unitsReturned(long campaignId, int quantity) {
        units(campaignId, "units_sold = units_sold - :q", "units_sold >= :q", quantity);
    }

    boolean review(CampaignReview.Move move, long campaignId, String reason, Instant now) {
        return jdbc.sql("update group_campaign set status = :to, review_reason = :reason, reviewed_at = :now where id = :id and status in (:from)")
                .params(Map.of("to", move.to().name(), "from", StateNames.of(move.from()), "id", campaignId, "now", utc(now)))
                .param("reason", reason).update() == 1;
    }

    private void units(long campaignId, String set, String guard, int quantity) {
        int moved = jdbc.sql("update group_campaign set " + set + " where id = :id and " + guard).param("q", quantity).param("id", campaignId).update();
        if (moved != 1) {
            throw new IllegalStateException("Campaign " + campaignId + " units would go below zero (" + set + ", " + quantity + ")");
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
