package com.kinshop.identity;

import com.kinshop.counter.HotCounters;
import com.kinshop.support.HttpSession;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code kinshop.redis.enabled} (the default, and every other IT's context) nothing needs Redis: counters and
 * rate-limit buckets in this process, sessions in PostgreSQL, no Redis health check, and the node is healthy with no
 * Redis anywhere.
 */
@KinshopIT
class RedisOffByDefaultIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    HotCounters counters;
    @Autowired
    RateLimitBuckets buckets;

    @Test
    void countersBucketsAndSessionsStayInProcessAndPostgresAndHealthIgnoresRedis() {
        assertThat(counters.getClass().getSimpleName()).isEqualTo("InProcessHotCounters");
        assertThat(buckets).isInstanceOf(InMemoryRateLimitBuckets.class);
        assertThat(context.getBean("sessionRepository")).isInstanceOf(TouchThrottledSessionRepository.class);
        assertThat(context.containsBean("redisHealthContributor")).isFalse();
        assertThat(context.containsBean("touchThrottledRedisSessions")).isFalse();

        HttpSession probe = new HttpSession(port);
        assertThat(probe.get("/actuator/health").status()).isEqualTo(200);
        assertThat(probe.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }
}
