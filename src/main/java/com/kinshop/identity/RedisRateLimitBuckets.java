package com.kinshop.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.time.Duration;

/**
 * Buckets in Redis through Bucket4j's Lettuce proxy manager (compare-and-swap on one key per bucket, so every node
 * takes from the same tokens). A bucket's key expires a minute after it would be full again: idle phones and
 * addresses leave nothing behind. Uses the native client of Spring's connection factory (same host, password, TLS,
 * cluster); its own connection is opened at the first sign-in, not at start-up.
 */
final class RedisRateLimitBuckets implements RateLimitBuckets, DisposableBean {

    private static final String KEY_PREFIX = "rate-limit:";
    private static final Duration KEPT_AFTER_FULL = Duration.ofMinutes(1);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final LettuceConnectionFactory connections;
    private volatile Connected connected;

    private record Connected(StatefulConnection<String, byte[]> connection, ProxyManager<String> buckets) {
    }

    RedisRateLimitBuckets(LettuceConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public Bucket bucket(String key, Bandwidth limit) {
        return connected().buckets().builder().build(KEY_PREFIX + key, () -> BucketConfiguration.builder().addLimit(limit).build());
    }

    private Connected connected() {
        Connected found = connected;
        if (found == null) {
            synchronized (this) {
                if (connected == null) {
                    connected = connect(connections.getRequiredNativeClient());
                }
                found = connected;
            }
        }
        return found;
    }

    private static Connected connect(AbstractRedisClient client) {
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_FULL);
        if (client instanceof RedisClusterClient cluster) {
            var connection = cluster.connect(CODEC);
            return new Connected(connection, Bucket4jLettuce.casBasedBuilder(connection).expirationAfterWrite(expiry).build());
        }
        var connection = ((RedisClient) client).connect(CODEC);
        return new Connected(connection, Bucket4jLettuce.casBasedBuilder(connection).expirationAfterWrite(expiry).build());
    }

    @Override
    public void destroy() {
        Connected found = connected;
        if (found != null) {
            found.connection().close();
        }
    }
}
