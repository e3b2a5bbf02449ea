package com.kinshop.groupbuy;

import com.kinshop.identity.AccountId;
import com.kinshop.notification.Inbox;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.ordering.Orders;
import com.kinshop.ordering.WholeOrderRefunds;
import com.kinshop.payment.Refunds;
import com.kinshop.shared.HaltBeforeCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Refunds one seat of a group that failed (or a payment that landed after its group closed), in its own transaction:
 * the seat moves to refunded (guarded: once), ordering refunds the whole order on the original path under the refund
 * number derived from the order, and the seat's units return to the campaign — together or not at all. A crash or a
 * failure between two seats leaves the rest refunding, and the next sweep resumes with them; a seat whose order row is
 * locked longer than {@code kinshop.groupbuy.refund-lock-timeout} is left for the next sweep instead of stalling it.
 * The provider call itself happens later in the payment module's refund job, retried with the same refund number.
 */
@Component
public class GroupRefunds {

    private static final Logger log = LoggerFactory.getLogger(GroupRefunds.class);

    private final JdbcClient jdbc;
    private final GroupMoves moves;
    private final WholeOrderRefunds wholeOrderRefunds;
    private final Inbox inbox;
    private final Orders orders;
    private final Refunds paymentRefunds;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final long lockTimeoutMillis;
    private final HaltBeforeCommit faultInjection;

    GroupRefunds(JdbcClient jdbc, GroupMoves moves, WholeOrderRefunds wholeOrderRefunds, Inbox inbox, Orders orders, Refunds paymentRefunds,
                 TransactionTemplate transactions, Clock clock, @Value("${kinshop.groupbuy.refund-lock-timeout:5s}") Duration lockTimeout,
                 HaltBeforeCommit faultInjection) {
        this.faultInjection = faultInjection;
        this.orders = orders;
        this.paymentRefunds = paymentRefunds;
        this.jdbc = jdbc;
        this.moves = moves;
        this.wholeOrderRefunds = wholeOrderRefunds;
        this.inbox = inbox;
        // its own transaction even when called after another one's commit (a late payment's refund), where joining
        // the finished one would leave the refund's writes to be committed by accident or not at all
        this.transactions = new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager()));
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.lockTimeoutMillis = lockTimeout.toMillis();
    }

    /** Refunds the seat of this order if it is still due; true if this call refunded it. Failures are recorded on the seat, not thrown. */
    public boolean refundQuietly(String orderNumber) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> refund(orderNumber)));
        } catch (RuntimeException e) {
            log.warn("Group refund of order {} failed, left for the next sweep: {}", orderNumber, e.toString());
            transactions.executeWithoutResult(status -> jdbc.sql("""
                            update group_seat set refund_attempts = refund_attempts + 1, last_error = ? where order_number = ? and status = ?""")
                    .params(abbreviate(e.toString()), orderNumber, SeatStatus.REFUNDING.name()).update());
            return false;
        }
    }

    private boolean refund(String orderNumber) {
        jdbc.sql("select set_config('lock_timeout', ?, true)").param(lockTimeoutMillis + "ms").query(String.class).single();
        Instant now = clock.instant();
        return moves.seat(SeatStatus.Move.REFUND, orderNumber, "refunded_at", now).map(seat -> {
            boolean late = jdbc.sql("select late from group_seat where id = ?").param(seat.id()).query(Boolean.class).single();
            if (refundedElsewhere(seat)) {
                // an approved after-sales request already gave the whole order back: nothing more to pay, the units come back
                jdbc.sql("update group_seat set last_error = ? where id = ?").params("refunded through after-sales", seat.id()).update();
                moves.unitsReturned(seat.campaignId(), seat.quantity());
                return true;
            }
            WholeOrderRefunds.Refund refund = wholeOrderRefunds.refund(orderNumber, late ? "拼团已结束，付款原路退回" : "拼团未成团，自动原路退款");
            jdbc.sql("update group_seat set refund_number = ?, refund_attempts = refund_attempts + 1, last_error = null where id = ?")
                    .params(refund.refundNumber(), seat.id()).update();
            moves.unitsReturned(seat.campaignId(), seat.quantity());
            faultInjection.arm(HaltBeforeCommit.GROUP_REFUND); // crash tests only; off unless configured
            inbox.deliver(new AccountId(seat.memberId()), "group-refunded:" + orderNumber, late ? "inbox.group.refunded-late" : "inbox.group.failed",
                    "/groups/" + seat.groupId(), orderNumber, refund.amount().toPlainString());
            return true;
        }).orElse(false);
    }

    /** The order is refunded, but not under this module's refund number: after-sales refunded it before the group closed. */
    private boolean refundedElsewhere(GroupMoves.MovedSeat seat) {
        OrderStatus status = orders.forBuyer(new AccountId(seat.memberId()), seat.orderNumber()).summary().status();
        return status == OrderStatus.REFUNDED && paymentRefunds.refundAmount(WholeOrderRefunds.refundNumberOf(seat.orderNumber())).isEmpty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
