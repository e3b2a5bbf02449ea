package com.kinshop.flashsale;

import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Buy attempts per session, counted in memory (a write per attempt would put the database back on the hot path) and
 * added to the session's row every second and at shutdown; each node adds its own, so the sum is the cluster's.
 */
@Component
class FlashAttempts {

    private final JdbcClient jdbc;
    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();

    FlashAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void count(long saleId) {
        pending.computeIfAbsent(saleId, id -> new LongAdder()).increment();
    }

    /** Attempts counted here and not yet written. */
    long unwritten(long saleId) {
        LongAdder adder = pending.get(saleId);
        return adder == null ? 0 : adder.sum();
    }

    @Scheduled(fixedDelay = 1000)
    @PreDestroy
    public void flush() {
        pending.forEach((saleId, adder) -> {
            long counted = adder.sumThenReset();
            if (counted > 0) {
                try {
                    jdbc.sql("update flash_sale set attempts = attempts + ? where id = ?").params(counted, saleId).update();
                } catch (RuntimeException e) {
                    adder.add(counted); // the next flush tries again
                }
            }
        });
    }
}
