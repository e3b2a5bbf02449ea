package com.kinshop.flashsale;

import com.kinshop.catalog.SkuId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.Checkouts;
import com.kinshop.ordering.OrderKind;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Turns claims into FLASH orders: ordering's promotion checkout at the flash price, with the units already set aside
 * (so checkout reserves none), to be paid within {@code kinshop.flashsale.pay-within} (default 5 minutes). Started on a small executor as
 * soon as the claim commits, so the buyer's answer does not wait for it; a claim the executor never got to (queue
 * full, node crashed) is found by the sweep, which takes claims with {@code FOR UPDATE SKIP LOCKED} so two nodes never
 * order one claim twice. An order that cannot be written (the address deleted meanwhile) fails the claim and gives
 * its unit back.
 */
@Component
class FlashOrders {

    private static final Logger log = LoggerFactory.getLogger(FlashOrders.class);
    static final String REF_PREFIX = "flash:";

    private final JdbcClient jdbc;
    private final Checkouts checkouts;
    private final FlashMoves moves;
    private final FlashPools pools;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration payWithin;
    // a full queue drops the task: the claim stays QUEUED and the sweep orders it
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
            FlashOrders::thread, new ThreadPoolExecutor.DiscardPolicy());

    FlashOrders(JdbcClient jdbc, Checkouts checkouts, FlashMoves moves, FlashPools pools, TransactionTemplate transactions, Clock clock,
                @Value("${kinshop.flashsale.pay-within:5m}") Duration payWithin) {
        this.jdbc = jdbc;
        this.checkouts = checkouts;
        this.moves = moves;
        this.pools = pools;
        this.transactions = transactions;
        this.clock = clock;
        this.payWithin = payWithin;
    }

    /** Orders the claim on the executor (the claim has committed). */
    void placeSoon(long claimId) {
        executor.execute(() -> {
            try {
                place(claimId);
            } catch (RuntimeException e) {
                log.warn("Flash claim {} not ordered yet ({}); the sweep tries again", claimId, e.toString());
            }
        });
    }

    /** Claims still queued a few seconds after they were won (their task was lost), oldest first, in batches. */
    int sweep(int batch) {
        List<Long> queued = jdbc.sql("select id from flash_claim where status = ? and created_at < ? order by id limit ?")
                .params(ClaimStatus.QUEUED.name(), FlashMoves.utc(clock.instant().minusSeconds(3)), batch).query(Long.class).list();
        int ordered = 0;
        for (long claimId : queued) {
            try {
                ordered += place(claimId) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Flash claim {} could not be ordered: {}", claimId, e.toString());
            }
        }
        return ordered;
    }

    private record Queued(long id, long saleId, long skuId, long memberId, long addressId, String shopCode, long priceFen) {
    }

    /** Orders one queued claim, unless another node or thread holds it; true when this call ordered or failed it. */
    boolean place(long claimId) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                Optional<Queued> claim = jdbc.sql("""
                                select id, sale_id, sku_id, member_id, address_id, shop_code, unit_price_fen from flash_claim
                                where id = ? and status = ? for update skip locked""")
                        .params(claimId, ClaimStatus.QUEUED.name())
                        .query((rs, n) -> new Queued(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
                                rs.getLong(7))).optional();
                if (claim.isEmpty()) {
                    return false;
                }
                Queued queued = claim.get();
                Instant now = clock.instant();
                Checkouts.Placed placed = checkouts.promotionCheckout(new Checkouts.PromotionOrder(new AccountId(queued.memberId()),
                        new Addresses.AddressId(queued.addressId()), new SkuId(queued.skuId()), 1, queued.shopCode(), Money.fen(queued.priceFen()),
                        OrderKind.FLASH, REF_PREFIX + queued.saleId(), payWithin, true));
                if (!moves.ordered(claimId, placed.checkoutNumber(), placed.orderNumbers().get(0), now.plus(payWithin), now)) {
                    // cannot happen while this transaction holds the claim's row; if it did, the order must not stay without its claim
                    throw new IllegalStateException("Flash claim " + claimId + " left QUEUED while ordered: order rolled back");
                }
                return true;
            }));
        } catch (BusinessException refused) {
            // the checkout refused for good (address gone, product withdrawn): the claim fails and its unit goes back
            Optional<FlashMoves.MovedClaim> failed = transactions.execute(status -> moves.failed(claimId, refused.messageKey()));
            failed.ifPresent(claim -> pools.giveBack(claim.saleId(), claim.skuId(), claim.memberId(), claim.slot()));
            return failed.isPresent();
        }
    }

    private static Thread thread(Runnable task) {
        Thread thread = new Thread(task, "flash-orders");
        thread.setDaemon(true);
        return thread;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
