package com.kinshop.ordering;

import com.kinshop.identity.AccountId;
import com.kinshop.payment.Payments;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying for a checkout: one payment for all its orders still awaiting payment. Starting is serialized per checkout
 * (its row is locked), and asking again hands back the same open payment unless the amount changed (an order was
 * cancelled), in which case the stale one is closed first.
 */
@Service
public class OrderPayments {

    private final JdbcClient jdbc;
    private final Payments payments;
    private final Clock clock;

    OrderPayments(JdbcClient jdbc, Payments payments, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.clock = clock;
    }

    @Transactional
    public Payments.Started pay(AccountId buyer, String checkoutNumber) {
        long checkout = jdbc.sql("select id from checkout where number = ? and buyer_id = ? for update").params(checkoutNumber, buyer.value())
                .query(Long.class).optional().orElseThrow(() -> BusinessException.notFound("order.not-found"));
        // what is payable, and whether any of it is past its deadline (its timer is about to cancel it): one read
        record Due(long payable, boolean late) {
        }
        Due due = jdbc.sql("select coalesce(sum(total_fen), 0), coalesce(bool_or(pay_deadline <= ?), false) from orders where checkout_id = ? and status = ?")
                .params(clock.instant().atOffset(java.time.ZoneOffset.UTC), checkout, OrderStatus.AWAITING_PAYMENT.name())
                .query((rs, n) -> new Due(rs.getLong(1), rs.getBoolean(2))).single();
        if (due.payable() == 0) {
            throw BusinessException.conflict(null, "order.not-payable");
        }
        if (due.late()) {
            throw BusinessException.conflict(null, "order.pay-deadline-passed");
        }
        return payments.start(checkoutNumber, buyer, Money.fen(due.payable()), "亲享订单 " + checkoutNumber, "/me/pay/" + checkoutNumber);
    }

    /** The checkout an order was placed in (buyers pay from an order's page). */
    public String checkoutOf(AccountId buyer, String orderNumber) {
        return jdbc.sql("select c.number from orders o join checkout c on c.id = o.checkout_id where o.number = ? and o.buyer_id = ?")
                .params(orderNumber, buyer.value()).query(String.class).optional()
                .orElseThrow(() -> BusinessException.notFound("order.not-found"));
    }
}
