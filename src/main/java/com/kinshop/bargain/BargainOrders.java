package com.kinshop.bargain;

import com.kinshop.ordering.CheckoutParticipant;
import com.kinshop.ordering.OrderEvents;
import com.kinshop.ordering.OrderKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * A bargain's order as ordering reports it. Cancelled unpaid (by the buyer or the payment timeout): inside the
 * cancelling transaction, the bargain goes back to where it was — or expires if its deadline passed — and its unit
 * back to the campaign. Paid: the bargain is bought and its unit sold, after commit; a second delivery finds it
 * bought already and changes nothing (the guarded move).
 */
@Component
class BargainOrders implements CheckoutParticipant {

    private static final Logger log = LoggerFactory.getLogger(BargainOrders.class);

    private final BargainMoves moves;
    private final Clock clock;

    BargainOrders(BargainMoves moves, Clock clock) {
        this.moves = moves;
        this.clock = clock;
    }

    @Override
    public void release(Released order) {
        if (isBargain(order.kind(), order.promotionRef())) {
            moves.giveBack(order.orderNumber(), clock.instant()).forEach(moves::releaseUnit);
        }
    }

    @ApplicationModuleListener(condition = "#paid.is(T(com.kinshop.ordering.OrderKind).BARGAIN)") // no publication for other sales
    void on(OrderEvents.OrderPaid paid) {
        if (!isBargain(paid.kind(), paid.promotionRef())) {
            return;
        }
        var campaigns = moves.pay(paid.orderNumber(), clock.instant());
        campaigns.forEach(moves::sellUnit);
        if (campaigns.isEmpty()) {
            log.info("Bargain order {} paid again or for a bargain no longer ordered: nothing to move", paid.orderNumber());
        }
    }

    private static boolean isBargain(OrderKind kind, String promotionRef) {
        return kind == OrderKind.BARGAIN && promotionRef != null && promotionRef.startsWith(BargainPurchases.REF_PREFIX);
    }
}
