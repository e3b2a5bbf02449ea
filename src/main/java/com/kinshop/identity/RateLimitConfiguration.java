package com.kinshop.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Rate-limit buckets in memory (one node, the default) or in Redis ({@code kinshop.redis.enabled=true}: several nodes). */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "kinshop.redis.enabled", havingValue = false, matchIfMissing = true)
    RateLimitBuckets inMemoryRateLimitBuckets() {
        return new InMemoryRateLimitBuckets();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "kinshop.redis.enabled")
    RateLimitBuckets redisRateLimitBuckets(LettuceConnectionFactory connections) {
        return new RedisRateLimitBuckets(connections);
    }
}
