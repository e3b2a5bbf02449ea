package com.kinshop.counter;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-node adapter: each pool a queue of free slots and a map of holders, guarded by the pool's own monitor (one
 * take is a few nanoseconds of work, so a lock per pool does not queue buyers). Holds nothing across restarts: after
 * one, the owner reloads the pool from the database.
 */
class InProcessHotCounters implements HotCounters {

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    private static final class Pool {
        final ArrayDeque<Long> free;
        final Map<String, Integer> held;

        Pool(Collection<Long> free, Map<String, Integer> held) {
            this.free = new ArrayDeque<>(free);
            this.held = new HashMap<>(held);
        }
    }

    @Override
    public Take take(String pool, String holder, int limit) {
        Pool found = pools.get(pool);
        if (found == null) {
            return Take.NOT_LOADED;
        }
        synchronized (found) {
            int held = found.held.getOrDefault(holder, 0);
            if (held >= limit) {
                return Take.LIMIT_REACHED;
            }
            Long slot = found.free.pollFirst();
            if (slot == null) {
                return Take.SOLD_OUT;
            }
            found.held.put(holder, held + 1);
            return Take.slot(slot);
        }
    }

    @Override
    public void giveBack(String pool, String holder, long slot) {
        Pool found = pools.get(pool);
        if (found == null) {
            return;
        }
        synchronized (found) {
            found.free.addLast(slot);
            found.held.computeIfPresent(holder, (who, held) -> held > 1 ? held - 1 : null);
        }
    }

    @Override
    public void load(String pool, Collection<Long> freeSlots, Map<String, Integer> heldByHolder) {
        pools.put(pool, new Pool(freeSlots, heldByHolder));
    }

    @Override
    public long remaining(String pool) {
        Pool found = pools.get(pool);
        if (found == null) {
            return -1;
        }
        synchronized (found) {
            return found.free.size();
        }
    }

    @Override
    public void drop(String pool) {
        pools.remove(pool);
    }
}
