package com.kinshop.counter;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The several-nodes adapter: each pool three Redis keys sharing one hash tag, so a pool lives on one Redis Cluster slot
 * and a script may touch all three: {@code {pool}:free} (a list of free slots), {@code {pool}:held} (a hash holder →
 * count) and {@code {pool}:loaded} (a marker: without it the pool is unknown, never "sold out"). Each operation that
 * reads and writes is one Lua script, run atomically by Redis whichever node sends it; scripts go by their SHA
 * (EVALSHA) and are sent in full only when Redis does not know them (first use, after a restart).
 */
class RedisHotCounters implements HotCounters {

    /** Slots per RPUSH when loading: bounds one command's size for pools of any size. */
    private static final int LOAD_CHUNK = 1_000;
    private static final long NOT_LOADED = -3;
    private static final long LIMIT_REACHED = -2;
    private static final long SOLD_OUT = -1;

    private static final RedisScript<Long> TAKE = script("take.lua");
    private static final RedisScript<Long> GIVE_BACK = script("give-back.lua");
    private static final RedisScript<Long> REMAINING = script("remaining.lua");

    private final StringRedisTemplate redis;

    RedisHotCounters(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A pool's keys; the braces make Redis Cluster hash only the pool's name. */
    record Keys(String loaded, String free, String held) {

        static Keys of(String pool) {
            if (pool.isEmpty() || pool.indexOf('{') >= 0 || pool.indexOf('}') >= 0) {
                throw new IllegalArgumentException("A pool name must be non-empty and without braces: " + pool);
            }
            String tagged = "{" + pool + "}";
            return new Keys(tagged + ":loaded", tagged + ":free", tagged + ":held");
        }

        List<String> all() {
            return List.of(loaded, free, held);
        }
    }

    @Override
    public Take take(String pool, String holder, int limit) {
        long answer = redis.execute(TAKE, Keys.of(pool).all(), holder, Integer.toString(limit));
        if (answer == NOT_LOADED) {
            return Take.NOT_LOADED;
        }
        if (answer == LIMIT_REACHED) {
            return Take.LIMIT_REACHED;
        }
        if (answer == SOLD_OUT) {
            return Take.SOLD_OUT;
        }
        return Take.slot(answer);
    }

    @Override
    public void giveBack(String pool, String holder, long slot) {
        redis.execute(GIVE_BACK, Keys.of(pool).all(), holder, Long.toString(slot));
    }

    /**
     * One MULTI/EXEC: Redis runs the queued commands as one step, so a take on another node sees the old pool or the
     * new one, never a half-loaded one (the marker is set in the same step as the slots).
     */
    @Override
    public void load(String pool, Collection<Long> freeSlots, Map<String, Integer> heldByHolder) {
        Keys keys = Keys.of(pool);
        List<List<String>> chunks = chunks(freeSlots);
        Map<String, String> held = new LinkedHashMap<>();
        heldByHolder.forEach((holder, count) -> {
            if (count > 0) {
                held.put(holder, Integer.toString(count));
            }
        });
        List<Object> results = redis.execute(new SessionCallback<>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> List<Object> execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> transaction = (RedisOperations<String, String>) operations;
                transaction.multi();
                transaction.delete(keys.all());
                chunks.forEach(chunk -> transaction.opsForList().rightPushAll(keys.free(), chunk));
                if (!held.isEmpty()) {
                    transaction.opsForHash().putAll(keys.held(), held);
                }
                transaction.opsForValue().set(keys.loaded(), "1");
                return transaction.exec();
            }
        });
        if (results == null || results.isEmpty()) {
            throw new IllegalStateException("Redis did not run the load of pool " + pool);
        }
    }

    @Override
    public long remaining(String pool) {
        Keys keys = Keys.of(pool);
        return redis.execute(REMAINING, List.of(keys.loaded(), keys.free()));
    }

    @Override
    public void drop(String pool) {
        redis.delete(Keys.of(pool).all());
    }

    private static List<List<String>> chunks(Collection<Long> slots) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>(Math.min(LOAD_CHUNK, slots.size()));
        for (Long slot : slots) {
            chunk.add(Long.toString(slot));
            if (chunk.size() == LOAD_CHUNK) {
                chunks.add(chunk);
                chunk = new ArrayList<>(LOAD_CHUNK);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static RedisScript<Long> script(String file) {
        return RedisScript.of(new ClassPathResource(file, RedisHotCounters.class), Long.class);
    }
}
