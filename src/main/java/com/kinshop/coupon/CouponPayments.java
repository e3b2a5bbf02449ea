package com.kinshop.coupon;

import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderEvents;
import com.kinshop.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

import static com.kinshop.coupon.CouponTemplates.utc;

/**
 * A coupon's order was paid: LOCKED → USED (guarded, so a redelivered event changes nothing and tells nobody twice),
 * and {@link CouponEvents.CouponUsed} for the module that granted it. A paid order cannot be cancelled any more, so
 * nothing can release the coupon between the payment and this.
 */
@Component
class CouponPayments {

    private final JdbcClient jdbc;
    private final CouponMoves moves;
    private final ApplicationEventPublisher events;

    CouponPayments(JdbcClient jdbc, CouponMoves moves, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.events = events;
    }

    @ApplicationModuleListener(condition = "#paid.discounted()") // a sale without a discount used no coupon: no publication, no transaction
    void on(OrderEvents.OrderPaid paid) {
        List<Long> locked = jdbc.sql("select id from member_coupon where order_id = ? and state = ?")
                .params(paid.orderId(), CouponState.LOCKED.name()).query(Long.class).list();
        for (CouponMoves.Moved used : moves.move(CouponState.Move.USE, locked, "order_id = :order", "used_at = :at",
                Map.of("order", paid.orderId(), "at", utc(paid.at())))) {
            events.publishEvent(new CouponEvents.CouponUsed(used.id(), new AccountId(used.member()), used.source(), used.orderNumber(),
                    Money.fen(used.discountFen()), paid.at()));
        }
    }
}
