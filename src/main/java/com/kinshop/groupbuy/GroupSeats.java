package com.kinshop.groupbuy;

import com.kinshop.identity.AccountId;
import com.kinshop.notification.Inbox;
import com.kinshop.ordering.CheckoutParticipant;
import com.kinshop.ordering.OrderEvents;
import com.kinshop.ordering.OrderHolds;
import com.kinshop.ordering.OrderKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What happens to a seat when its order moves. Cancelled or timed out unpaid (ordering calls {@link #release} in that
 * transaction): the seat and its units come back. Paid ({@link OrderEvents.OrderPaid}, after the payment commits, retried
 * by the publication registry): the payment is counted, and the one that fills the last seat succeeds the group and
 * releases all its orders for shipping at once; a payment landing after the group closed is refunded at once. Every
 * step is a guarded move, so a redelivered event changes nothing twice.
 */
@Component
class GroupSeats implements CheckoutParticipant {

    private final JdbcClient jdbc;
    private final GroupMoves moves;
    private final OrderHolds holds;
    private final GroupRefunds refunds;
    private final Inbox inbox;
    private final Clock clock;

    GroupSeats(JdbcClient jdbc, GroupMoves moves, OrderHolds holds, GroupRefunds refunds, Inbox inbox, Clock clock) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.holds = holds;
        this.refunds = refunds;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public void release(Released order) {
        if (!isGroupOrder(order.kind(), order.promotionRef())) {
            return;
        }
        moves.seat(SeatStatus.Move.LEAVE, order.orderNumber(), "left_at", clock.instant()).ifPresent(seat -> {
            moves.freeSeat(seat.groupId());
            moves.unitsReleased(seat.campaignId(), seat.quantity());
        });
    }

    @ApplicationModuleListener(condition = "#paid.is(T(com.kinshop.ordering.OrderKind).GROUP)") // no publication for other sales
    void on(OrderEvents.OrderPaid paid) {
        if (!isGroupOrder(paid.kind(), paid.promotionRef())) {
            return;
        }
        Instant now = clock.instant();
        moves.seat(SeatStatus.Move.PAY, paid.orderNumber(), "paid_at", now).ifPresent(seat -> {
            var counted = moves.countPayment(seat.groupId());
            moves.unitsSold(seat.campaignId(), seat.quantity());
            if (counted.isEmpty()) {
                refundLate(seat, now);
            } else if (counted.get().paidCount() == counted.get().size()) {
                moves.group(GroupStatus.Move.SUCCEED, seat.groupId(), 0, now).ifPresent(group -> succeeded(group.id()));
            }
        });
    }

    /** The group closed (failed, or completed by virtual fill) before this payment landed: the seat is refunded once this commits. */
    private void refundLate(GroupMoves.MovedSeat seat, Instant now) {
        moves.seat(SeatStatus.Move.REFUND_DUE, seat.orderNumber(), "paid_at", now)
                .orElseThrow(() -> new IllegalStateException("Seat of " + seat.orderNumber() + " was paid but did not move to refunding"));
        jdbc.sql("update group_seat set late = true where id = ?").param(seat.id()).update();
        String order = seat.orderNumber();
        // after this commit, in its own transaction; if that fails, the timer's refund sweep finds the seat still refunding
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refunds.refundQuietly(order);
            }
        });
    }

    /** Every paid order of the group may ship now; each member hears it. */
    void succeeded(long groupId) {
        List<Paid> paid = jdbc.sql("select order_number, member_id from group_seat where group_id = ? and status = ? order by id")
                .params(groupId, SeatStatus.PAID.name()).query((rs, n) -> new Paid(rs.getString(1), rs.getLong(2))).list();
        for (Paid seat : paid) {
            holds.release(seat.orderNumber(), GroupJoins.HOLDER);
            inbox.deliver(new AccountId(seat.memberId()), "group-succeeded:" + seat.orderNumber(), "inbox.group.succeeded", "/groups/" + groupId,
                    seat.orderNumber());
        }
    }

    private record Paid(String orderNumber, long memberId) {
    }

    static boolean isGroupOrder(OrderKind kind, String promotionRef) {
        return kind == OrderKind.GROUP && promotionRef != null && promotionRef.startsWith("group:");
    }
}
