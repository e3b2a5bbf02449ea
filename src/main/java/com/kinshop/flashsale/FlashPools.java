package com.kinshop.flashsale;

import com.kinshop.counter.HotCounters;
import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The hot-counter pools of a session, one per SKU ("flash:{sale}:{sku}"), loaded from the database whenever the
 * counter does not know one (first attempt, a restart, Redis flushed) or was found lying (it handed out a slot a live
 * claim holds): free slots are 1..quantity minus the slots of live claims, each member holds their live claims. One
 * node loads a pool at a time (a PostgreSQL advisory lock); the others find it loaded when they get the lock.
 */
@Component
class FlashPools {

    private final JdbcClient jdbc;
    private final HotCounters counters;
    private final TransactionTemplate transactions;

    FlashPools(JdbcClient jdbc, HotCounters counters, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.transactions = transactions;
    }

    /** Takes a unit for the member, loading the pool first when the counter does not know it. */
    HotCounters.Take take(FlashFacts.SaleFacts sale, FlashFacts.ItemFacts item, long memberId) {
        String pool = FlashRules.pool(sale.id(), item.skuId());
        String holder = Long.toString(memberId);
        HotCounters.Take take = counters.take(pool, holder, sale.perMemberLimit());
        if (take.outcome() == HotCounters.Outcome.NOT_LOADED) {
            load(sale.id(), item, false);
            take = counters.take(pool, holder, sale.perMemberLimit());
        }
        return take;
    }

    void giveBack(long saleId, long skuId, long memberId, long slot) {
        counters.giveBack(FlashRules.pool(saleId, skuId), Long.toString(memberId), slot);
    }

    /** Loads the pool from the live claims; {@code replace}: even if the counter knows it (it was found lying). */
    void load(long saleId, FlashFacts.ItemFacts item, boolean replace) {
        String pool = FlashRules.pool(saleId, item.skuId());
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(pool).query().singleRow();
            if (!replace && counters.remaining(pool) >= 0) {
                return; // another node loaded it while this one waited for the lock
            }
            record Live(long slot, long memberId) {
            }
            List<Live> live = jdbc.sql("select slot, member_id from flash_claim where sale_id = :sale and sku_id = :sku and status in (:live)")
                    .param("sale", saleId).param("sku", item.skuId()).param("live", StateNames.of(ClaimStatus.LIVE))
                    .query((rs, n) -> new Live(rs.getLong(1), rs.getLong(2))).list();
            Set<Long> taken = new HashSet<>();
            Map<String, Integer> held = new HashMap<>();
            for (Live claim : live) {
                taken.add(claim.slot());
                held.merge(Long.toString(claim.memberId()), 1, Integer::sum);
            }
            List<Long> free = LongStream.rangeClosed(1, item.quantity()).boxed().filter(slot -> !taken.contains(slot)).toList();
            counters.load(pool, free, held);
        });
    }

    long remaining(long saleId, long skuId) {
        return counters.remaining(FlashRules.pool(saleId, skuId));
    }

    void drop(long saleId, long skuId) {
        counters.drop(FlashRules.pool(saleId, skuId));
    }
}
