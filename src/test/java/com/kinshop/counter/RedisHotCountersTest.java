package com.kinshop.counter;

import com.kinshop.counter.HotCounters.Take;
import com.kinshop.support.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against a real redis-server, plus what only a store outside the process does: lose its keys. */
class RedisHotCountersTest extends HotCountersContract {

    private static RedisServer server;
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;
    private static HotCounters counters;

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", server.port()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        counters = new RedisHotCounters(redis);
    }

    @AfterAll
    static void stopRedis() {
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

    @Test
    void aPoolLivesOnOneClusterSlotUnderItsHashTag() {
        String pool = freshPool();
        counters.load(pool, slots(1, 3), Map.of("member-9", 1));

        assertThat(redis.keys("{" + pool + "}*")).containsExactlyInAnyOrder("{" + pool + "}:loaded", "{" + pool + "}:free", "{" + pool + "}:held");
        assertThat(redis.opsForList().range("{" + pool + "}:free", 0, -1)).containsExactly("1", "2", "3");
        assertThat(redis.opsForHash().entries("{" + pool + "}:held")).isEqualTo(Map.of("member-9", "1"));
    }

    @Test
    void whatALoaderThatDiedHalfWayStagedIsNotLoadedByTheNextOne() {
        String pool = freshPool();
        redis.opsForList().rightPushAll("{" + pool + "}:staged-free", "1", "2", "99");
        redis.opsForHash().put("{" + pool + "}:staged-held", "ghost", "5");
        assertThat(counters.take(pool, "a", 1)).isEqualTo(Take.NOT_LOADED); // staged is not loaded

        counters.load(pool, slots(1, 2), Map.of("b", 1));

        assertThat(counters.remaining(pool)).isEqualTo(2);
        assertThat(redis.opsForHash().entries("{" + pool + "}:held")).isEqualTo(Map.of("b", "1"));
        assertThat(redis.keys("{" + pool + "}:staged*")).isEmpty();
    }

    @Test
    void flushedKeysMakeThePoolUnknownNotSoldOutAndALoadBringsItBack() {
        String pool = freshPool();
        counters.load(pool, slots(1, 10), Map.of());
        assertThat(counters.take(pool, "a", 1)).isEqualTo(Take.slot(1));

        server.flushAll();

        assertThat(counters.take(pool, "b", 1)).isEqualTo(Take.NOT_LOADED);
        assertThat(counters.remaining(pool)).isEqualTo(-1);
        counters.giveBack(pool, "a", 1);
        assertThat(redis.hasKey("{" + pool + "}:free")).isFalse(); // a give-back does not half-create a lost pool

        counters.load(pool, slots(2, 10), Map.of("a", 1)); // the database's truth: slot 1 is a's
        assertThat(counters.take(pool, "a", 1)).isEqualTo(Take.LIMIT_REACHED);
        assertThat(counters.take(pool, "b", 1)).isEqualTo(Take.slot(2));
    }

    @Test
    void aRestartedRedisHasForgottenThePoolAndItsScriptsAndServesAgainOnceReloaded() {
        String pool = freshPool();
        counters.load(pool, slots(1, 10), Map.of());
        assertThat(counters.take(pool, "a", 1)).isEqualTo(Take.slot(1));

        server.restart();

        assertThat(counters.take(pool, "b", 1)).isEqualTo(Take.NOT_LOADED); // the script itself was sent again (NOSCRIPT)
        assertThat(counters.remaining(pool)).isEqualTo(-1);
        counters.load(pool, slots(2, 10), Map.of("a", 1));
        assertThat(counters.take(pool, "b", 1)).isEqualTo(Take.slot(2));
        assertThat(counters.remaining(pool)).isEqualTo(8);
    }

    @Test
    void takesGoByTheScriptsShaNotItsText() {
        String pool = freshPool();
        counters.load(pool, slots(1, 100), Map.of());
        counters.take(pool, "warm", 100); // the first use of a script may send its text once
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().resetConfigStats();
            return null;
        });

        for (int i = 0; i < 50; i++) {
            assertThat(counters.take(pool, "member-" + i, 1).taken()).isTrue();
        }

        Properties stats = redis.execute((RedisCallback<Properties>) connection -> connection.serverCommands().info("commandstats"));
        assertThat(stats.getProperty("cmdstat_evalsha")).startsWith("calls=50,");
        assertThat(stats.getProperty("cmdstat_eval")).isNull();
    }
}
