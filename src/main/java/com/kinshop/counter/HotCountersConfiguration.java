package com.kinshop.counter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One adapter, chosen by {@code kinshop.redis.enabled}: in-process by default (one node, nothing to install), Redis
 * when several nodes must share the counters. Property conditions, not a missing-bean one: in user configuration the
 * latter depends on the order in which configurations are read.
 */
@Configuration(proxyBeanMethods = false)
class HotCountersConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "kinshop.redis.enabled", havingValue = false, matchIfMissing = true)
    HotCounters inProcessHotCounters() {
        return new InProcessHotCounters();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "kinshop.redis.enabled")
    HotCounters redisHotCounters(StringRedisTemplate redis) {
        return new RedisHotCounters(redis);
    }
}
