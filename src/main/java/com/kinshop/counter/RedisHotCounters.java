package com.kinshop.counter;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The several-nodes adapter: each pool three Redis keys sharing one hash tag, so a pool lives on one Redis Cluster slot
 * and a script may touch all three: {@code {pool}:free} (a list of free slots), {@code {pool}:held} (a hash holder →
 * count) and {@code {pool}:loaded} (a marker: without it the pool is unknown, never "sold out"); a load stages the
 * new pool under two more keys of the same tag and swaps it in with one script. Each operation that
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
    private static final RedisScript<Long> SWAP_IN = script("swap-in.lua");

    private final StringRedisTemplate redis;

    RedisHotCounters(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A pool's keys; the braces make Redis Cluster hash only the pool's name. */
    record Keys(String loaded, String free, String held, String stagedFree, String stagedHeld) {

        static Keys of(String pool) {
            if (pool.isEmpty() || pool.indexOf('{') >= 0 || pool.indexOf('}') >= 0) {
                throw new IllegalArgumentException("A pool name must be non-empty and without braces: " + pool);
            }
            String tagged = "{" + pool + "}";
            return new Keys(tagged + ":loaded", tagged + ":free", tagged + ":held", tagged + ":staged-free", tagged + ":staged-held");
        }

        /** What take and give-back read and write. */
        List<String> live() {
            return List.of(loaded, free, held);
        }

        List<String> all() {
            return List.of(loaded, free, held, stagedFree, stagedHeld);
        }
    }

    @Override
    public Take take(String pool, String holder, int limit) {
        long answer = redis.execute(TAKE, Keys.of(pool).live(), holder, Integer.toString(limit));
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
        redis.execute(GIVE_BACK, Keys.of(pool).live(), holder, Long.toString(slot));
    }

    /**
     * Stages the new pool in chunks (bounded commands for pools of any size), then swaps it in with one script, so a
     * take on another node sees the old pool or the new one, never a half-loaded one. Plain commands and a script on
     * keys of one hash tag: works on Redis Cluster too, where MULTI/EXEC across a connection does not.
     */
    @Override
    public void load(String pool, Collection<Long> freeSlots, Map<String, Integer> heldByHolder) {
        Keys keys = Keys.of(pool);
        redis.delete(List.of(keys.stagedFree(), keys.stagedHeld())); // left by a loader that died half-way
        for (List<String> chunk : chunks(freeSlots.stream().map(String::valueOf).toList())) {
            redis.opsForList().rightPushAll(keys.stagedFree(), chunk);
        }
        List<Map.Entry<String, String>> held = heldByHolder.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> Map.entry(entry.getKey(), Integer.toString(entry.getValue()))).toList();
        for (List<Map.Entry<String, String>> chunk : chunks(held)) {
            Map<String, String> fields = new LinkedHashMap<>();
            chunk.forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
            redis.opsForHash().putAll(keys.stagedHeld(), fields);
        }
        redis.execute(SWAP_IN, keys.all());
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

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += LOAD_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + LOAD_CHUNK)));
        }
        return chunks;
    }

    /** Read once: a script over a resource asks the jar whether the file changed on every call, under a lock (7 % of an attempt). */
    private static RedisScript<Long> script(String file) {
        try {
            return RedisScript.of(new ClassPathResource(file, RedisHotCounters.class).getContentAsString(StandardCharsets.UTF_8), Long.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
