package com.kinshop.counter;

import com.kinshop.support.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract on Redis Cluster (one node holding every slot: it still refuses keys of different slots in one
 * command or script): a pool's keys share a hash tag, and a load needs no MULTI/EXEC.
 */
class RedisClusterHotCountersTest extends HotCountersContract {

    private static RedisServer server;
    private static LettuceConnectionFactory connections;
    private static HotCounters counters;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void startCluster() {
        server = RedisServer.startClusterOfOne();
        connections = new LettuceConnectionFactory(new RedisClusterConfiguration(List.of("127.0.0.1:" + server.port())));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        counters = new RedisHotCounters(redis);
    }

    @AfterAll
    static void stopCluster() {
        if (connections != null) {
            connections.destroy();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    HotCounters counters() {
        return counters;
    }

    /** The control: the same kind of script over keys of two pools (two slots) is refused, so the tests above could fail. */
    @Test
    void aScriptOverKeysOfDifferentSlotsIsRefused() {
        assertThatThrownBy(() -> redis.execute(org.springframework.data.redis.core.script.RedisScript.of(
                "return redis.call('EXISTS', KEYS[1], KEYS[2])", Long.class), List.of("{pool-a}:loaded", "{pool-b}:loaded")))
                .hasStackTraceContaining("CROSSSLOT");
    }
}
