package com.kinshop.flashsale;

import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Stock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The flash sale's timers: orders for claims whose executor task was lost, and, once a session has ended (plus a minute
 * for attempts that passed the gate just before the end) and no claim awaits its order or payment, its unsold units
 * back to stock — once, behind a guarded stamp on the session, whichever node gets there first.
 */
@Component
public class FlashTimers {

    private static final Logger log = LoggerFactory.getLogger(FlashTimers.class);
    static final Duration GRACE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final FlashOrders orders;
    private final FlashMoves moves;
    private final FlashPools pools;
    private final Stock stock;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FlashTimers(JdbcClient jdbc, FlashOrders orders, FlashMoves moves, FlashPools pools, Stock stock, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.moves = moves;
        this.pools = pools;
        this.stock = stock;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one sweep did. */
    public record Swept(int ordered, int sessionsClosed) {
    }

    /** Every node sweeps: claims are taken with SKIP LOCKED, so each is ordered once. Tests call {@link #runDue} directly. */
    @Scheduled(fixedDelayString = "${kinshop.flashsale.timer-interval:5s}", initialDelayString = "${kinshop.flashsale.timer-interval:5s}")
    public void scheduled() {
        Swept swept = runDue();
        if (swept.ordered() + swept.sessionsClosed() > 0) {
            log.info("Flash-sale timers: {} queued claims ordered, {} ended sessions gave their unsold units back", swept.ordered(), swept.sessionsClosed());
        }
    }

    public Swept runDue() {
        int ordered = orders.sweep(200);
        Instant now = clock.instant();
        healLeakedUnits(now);
        List<Long> ended = jdbc.sql("""
                        select id from flash_sale where status = ? and units_returned_at is null and ends_at <= ? order by ends_at, id limit 20""")
                .params(FlashReview.APPROVED.name(), FlashMoves.utc(now.minus(GRACE))).query(Long.class).list();
        int closed = 0;
        for (long saleId : ended) {
            try {
                closed += Boolean.TRUE.equals(transactions.execute(status -> returnUnsold(saleId, now))) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Flash sale {} could not give its unsold units back: {}", saleId, e.toString());
            }
        }
        return new Swept(ordered, closed);
    }

    /** Pools that looked leaked on the last sweep: a second look in a row reloads them. */
    private final java.util.Set<String> suspects = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A node that crashed between taking a unit and writing or giving it back leaks that unit: the counter says sold out
     * while the database has a free slot. Seen on two sweeps in a row (so not a claim still being written), the pool is
     * reloaded from the database; the worst a wrong guess can do is make an attempt collide on a slot and reload again.
     */
    private void healLeakedUnits(Instant now) {
        record Item(long saleId, long skuId, int quantity, int live) {
        }
        List<Item> running = jdbc.sql("""
                        select i.sale_id, i.sku_id, i.quantity,
                               (select count(*) from flash_claim c where c.sale_id = i.sale_id and c.sku_id = i.sku_id and c.status in (:live))
                        from flash_sale s join flash_sale_item i on i.sale_id = s.id
                        where s.status = :approved and s.starts_at <= :now and s.ends_at > :now""")
                .param("live", com.kinshop.shared.StateNames.of(ClaimStatus.LIVE)).param("approved", FlashReview.APPROVED.name())
                .param("now", FlashMoves.utc(now))
                .query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4))).list();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Item item : running) {
            String pool = FlashRules.pool(item.saleId(), item.skuId());
            if (pools.remaining(item.saleId(), item.skuId()) == 0 && item.live() < item.quantity()) {
                seen.add(pool);
                if (suspects.contains(pool)) {
                    log.warn("Flash pool {} said sold out with {} of {} units free in the database: reloaded", pool, item.quantity() - item.live(),
                            item.quantity());
                    pools.load(item.saleId(), new FlashFacts.ItemFacts(item.skuId(), 0, item.quantity()), true);
                }
            }
        }
        suspects.retainAll(seen);
        suspects.addAll(seen);
    }

    private boolean returnUnsold(long saleId, Instant now) {
        if (!moves.unitsReturned(saleId, now)) {
            return false;
        }
        record Unsold(long skuId, int quantity, int paid) {
        }
        List<Unsold> items = jdbc.sql("""
                        select i.sku_id, i.quantity, (select count(*) from flash_claim c where c.sale_id = i.sale_id and c.sku_id = i.sku_id and c.status = :paid)
                        from flash_sale_item i where i.sale_id = :sale order by i.sku_id""")
                .param("sale", saleId).param("paid", ClaimStatus.PAID.name())
                .query((rs, n) -> new Unsold(rs.getLong(1), rs.getInt(2), rs.getInt(3))).list();
        for (Unsold item : items) {
            if (item.quantity() > item.paid()) {
                stock.release(new SkuId(item.skuId()), item.quantity() - item.paid());
            }
            pools.drop(saleId, item.skuId());
        }
        return true;
    }
}
