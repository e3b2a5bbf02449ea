package com.kinshop.flashsale;

import com.kinshop.ordering.CheckoutParticipant;
import com.kinshop.ordering.OrderEvents;
import com.kinshop.ordering.OrderKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;

/**
 * What happens to a claim when its order moves. Cancelled unpaid — by the buyer or the payment timeout, ordering calls
 * {@link #release} inside that transaction — the claim is released by a guarded move and, once that commits, its unit
 * goes back to the counter: exactly once, since only one cancellation of an order happens and the move runs once.
 * Paid ({@link OrderEvents.OrderPaid}, after the payment commits, redelivered until it succeeds): the claim is paid.
 */
@Component
class FlashClaims implements CheckoutParticipant {

    private final FlashMoves moves;
    private final FlashPools pools;
    private final Clock clock;

    FlashClaims(FlashMoves moves, FlashPools pools, Clock clock) {
        this.moves = moves;
        this.pools = pools;
        this.clock = clock;
    }

    @Override
    public void release(Released order) {
        if (!isFlashOrder(order.kind(), order.promotionRef())) {
            return;
        }
        moves.ofOrder(ClaimStatus.Move.RELEASE, order.orderNumber(), "released_at", clock.instant()).ifPresent(claim ->
                // the counter is told only once the release is committed: a rolled-back cancellation gives nothing back
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        pools.giveBack(claim.saleId(), claim.skuId(), claim.memberId(), claim.slot());
                    }
                }));
    }

    @ApplicationModuleListener(condition = "#paid.is(T(com.kinshop.ordering.OrderKind).FLASH)") // no publication for other sales
    void on(OrderEvents.OrderPaid paid) {
        if (isFlashOrder(paid.kind(), paid.promotionRef())) {
            moves.ofOrder(ClaimStatus.Move.PAY, paid.orderNumber(), "paid_at", clock.instant());
        }
    }

    static boolean isFlashOrder(OrderKind kind, String promotionRef) {
        return kind == OrderKind.FLASH && promotionRef != null && promotionRef.startsWith(FlashOrders.REF_PREFIX);
    }
}
