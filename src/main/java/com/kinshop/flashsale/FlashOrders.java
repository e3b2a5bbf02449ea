package com.kinshop.flashsale;

import com.kinshop.catalog.SkuId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.Checkouts;
import com.kinshop.ordering.OrderKind;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import jakarta.annotation.PostConstruct;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Turns claims into FLASH orders: ordering's promotion checkout at the flash price, with the units already set aside
 * (so checkout reserves none), to be paid within {@code kinshop.flashsale.pay-within} (default 5 minutes). The buyer's
 * answer does not wait for it: a won claim joins a bounded queue that one thread drains in batches of up to
 * {@value #BATCH} claims per transaction — during a rush, one commit and one thread for many orders, leaving the cores
 * to the gate. A batch that fails for any reason is rolled back and its claims placed one by one, so only a claim the
 * checkout refuses (the address deleted meanwhile) fails and gives its unit back, and a transient error holds back one
 * claim. A claim the queue never got to (full, node stopped or crashed) is found by the sweep; claims are taken with
 * {@code FOR UPDATE SKIP LOCKED}, so two nodes never order one claim twice.
 */
@Component
class FlashOrders {

    private static final Logger log = LoggerFactory.getLogger(FlashOrders.class);
    static final String REF_PREFIX = "flash:";
    static final int BATCH = 32;
    private static final int MAX_WAITING = 10_000;

    private final JdbcClient jdbc;
    private final Checkouts checkouts;
    private final FlashMoves moves;
    private final FlashPools pools;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration payWithin;
    private final BlockingQueue<Long> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private final Thread drainer = new Thread(this::drain, "flash-orders");

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

    /** Queues the claim (it has committed) for the drainer; a full queue leaves it to the sweep. */
    void placeSoon(long claimId) {
        waiting.offer(claimId);
    }

    /** The drainer's loop: waits for a claim, takes up to a batch, orders them; until the node stops. */
    private void drain() {
        List<Long> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                batch.add(waiting.take());
                waiting.drainTo(batch, BATCH - 1);
                placeOrLog(batch);
            } catch (InterruptedException stopping) {
                return; // what is still queued is committed: a node's sweep orders it
            } finally {
                batch.clear();
            }
        }
    }

    private int placeOrLog(List<Long> claimIds) {
        try {
            return place(claimIds);
        } catch (RuntimeException e) {
            if (claimIds.size() > 1) {
                // one claim's failure must not hold back the others (a deadlock, a lost connection, a row that refuses)
                return claimIds.stream().mapToInt(claimId -> placeOrLog(List.of(claimId))).sum();
            }
            log.warn("Flash claim {} not ordered yet ({}); the sweep tries again", claimIds.get(0), e.toString());
            return 0;
        }
    }

    /** Claims still queued a few seconds after they were won (their place in the queue was lost), oldest first. */
    int sweep(int limit) {
        List<Long> queued = jdbc.sql("select id from flash_claim where status = ? and created_at < ? order by id limit ?")
                .params(ClaimStatus.QUEUED.name(), FlashMoves.utc(clock.instant().minusSeconds(3)), limit).query(Long.class).list();
        int ordered = 0;
        for (int from = 0; from < queued.size(); from += BATCH) {
            ordered += placeOrLog(queued.subList(from, Math.min(queued.size(), from + BATCH)));
        }
        return ordered;
    }

    private record Queued(long id, long saleId, long skuId, long memberId, long addressId, String shopCode, long priceFen) {
    }

    /** Orders one queued claim, unless another node or thread holds it; true when this call ordered or failed it. */
    boolean place(long claimId) {
        return place(List.of(claimId)) == 1;
    }

    /**
     * Orders the given claims that are still queued and not held by another node or thread, in one transaction. A
     * single claim the checkout refuses fails and gives its unit back. How many this call ordered or failed.
     */
    int place(List<Long> claimIds) {
        try {
            return Objects.requireNonNull(transactions.execute(status -> {
                List<Queued> claims = jdbc.sql("""
                                select id, sale_id, sku_id, member_id, address_id, shop_code, unit_price_fen from flash_claim
                                where id = any(?) and status = ? order by id for update skip locked""")
                        .params(claimIds.toArray(Long[]::new), ClaimStatus.QUEUED.name())
                        .query((rs, n) -> new Queued(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
                                rs.getLong(7))).list();
                Instant now = clock.instant();
                for (Queued queued : claims) {
                    order(queued, now);
                }
                // here, not on the buyer's request: one statement per batch and session instead of one per unit won
                claims.stream().mapToLong(Queued::saleId).distinct().sorted().forEach(moves::soldOutIfNoneLeft); // in id order: no deadlock between two batches
                return claims.size();
            }));
        } catch (BusinessException refused) {
            if (claimIds.size() > 1) {
                throw refused; // which claim was refused is found by placing them one by one (placeOrLog)
            }
            // the checkout refused for good (address gone, product withdrawn): the claim fails and its unit goes back
            long claimId = claimIds.get(0);
            Optional<FlashMoves.MovedClaim> failed = transactions.execute(status -> moves.failed(claimId, refused.messageKey()));
            failed.ifPresent(claim -> pools.giveBack(claim.saleId(), claim.skuId(), claim.memberId(), claim.slot()));
            return failed.isPresent() ? 1 : 0;
        }
    }

    private void order(Queued queued, Instant now) {
        Checkouts.Placed placed = checkouts.promotionCheckout(new Checkouts.PromotionOrder(new AccountId(queued.memberId()),
                new Addresses.AddressId(queued.addressId()), new SkuId(queued.skuId()), 1, queued.shopCode(), Money.fen(queued.priceFen()),
                OrderKind.FLASH, REF_PREFIX + queued.saleId(), payWithin, true));
        if (!moves.ordered(queued.id(), placed.checkoutNumber(), placed.orderNumbers().get(0), now.plus(payWithin), now)) {
            // cannot happen while this transaction holds the claim's row; if it did, the order must not stay without its claim
            throw new IllegalStateException("Flash claim " + queued.id() + " left QUEUED while ordered: order rolled back");
        }
    }

    @PostConstruct
    void start() {
        drainer.setDaemon(true);
        drainer.start();
    }

    @PreDestroy
    void stop() {
        drainer.interrupt();
    }
}
