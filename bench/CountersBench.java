import com.kinshop.counter.HotCounters;
import com.kinshop.support.RedisServer;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

/**
 * The hot counters' take against a baseline in the same run and on the same connection (issue 13):
 * <ul>
 *   <li>baseline: {@code PING}, the cheapest round trip to Redis, from as many threads for as long;</li>
 *   <li>Redis take: the Lua script (loaded? below the limit? pop a slot, count the holder), every attempt a new holder,
 *       on a pool of {@code slots} units — once it is sold out the attempts go on and are answered SOLD_OUT, as in a
 *       flash sale;</li>
 *   <li>in-process take: the one-node adapter, same threads, same pool.</li>
 * </ul>
 * After each run the slots handed out are checked: all distinct, never more than the pool. Started by
 * bench/run-counters.sh (classpath: the app's classes, its test harness and dependencies).
 */
public class CountersBench {

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args.length > 0 ? args[0] : "64");
        int seconds = Integer.parseInt(args.length > 1 ? args[1] : "5");
        int slots = Integer.parseInt(args.length > 2 ? args[2] : "100000");
        try (RedisServer server = RedisServer.start()) {
            LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", server.port()));
            connections.afterPropertiesSet();
            connections.start();
            StringRedisTemplate redis = new StringRedisTemplate(connections);
            HotCounters onRedis = adapter("com.kinshop.counter.RedisHotCounters", redis);
            HotCounters inProcess = adapter("com.kinshop.counter.InProcessHotCounters", null);
            System.out.printf("Hot counters: %d threads, %d s per run, pools of %d slots, limit 1, a new holder per attempt; redis-server on %d%n%n",
                    threads, seconds, slots, server.port());

            run("warm-up", threads, 2, () -> redis.execute((RedisCallback<String>) c -> c.ping()) != null ? 0 : -1, slots);
            takes(onRedis, "warm-up", slots, threads, 2);
            double ping = run("baseline: PING", threads, seconds, () -> redis.execute((RedisCallback<String>) c -> c.ping()) != null ? 0 : -1, slots);
            double redisTakes = takes(onRedis, "bench-redis", slots, threads, seconds);
            double localTakes = takes(inProcess, "bench-local", slots, threads, seconds);
            System.out.printf("%nRedis take ÷ PING: %.2f   in-process take ÷ Redis take: %.1f%n", redisTakes / ping, localTakes / redisTakes);
            connections.destroy();
        }
    }

    private static double takes(HotCounters counters, String pool, int slots, int threads, int seconds) throws InterruptedException {
        counters.load(pool, LongStream.rangeClosed(1, slots).boxed().toList(), Map.of());
        AtomicLong holders = new AtomicLong();
        double rate = run("take (" + counters.getClass().getSimpleName() + ")", threads, seconds,
                () -> counters.take(pool, "h" + holders.incrementAndGet(), 1).slot(), slots);
        counters.drop(pool);
        return rate;
    }

    /** Calls {@code call} from {@code threads} threads for {@code seconds}; prints and returns calls per second. */
    private static double run(String name, int threads, int seconds, LongSupplier call, int slots) throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        ConcurrentLinkedQueue<List<Long>> taken = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = window[1];
                long n = 0;
                while (System.nanoTime() < end) {
                    long slot = call.getAsLong();
                    if (slot > 0) {
                        mine.add(slot);
                    }
                    n++;
                }
                calls.addAndGet(n);
                taken.add(mine);
            });
            worker.start();
            workers.add(worker);
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        Set<Long> distinct = new HashSet<>();
        long handedOut = 0;
        for (List<Long> mine : taken) {
            distinct.addAll(mine);
            handedOut += mine.size();
        }
        if (distinct.size() != handedOut || handedOut > slots) {
            throw new AssertionError(name + ": " + handedOut + " slots handed out, " + distinct.size() + " distinct, pool " + slots);
        }
        double rate = calls.get() / elapsed;
        System.out.printf("%-40s %10.0f /s   (%d calls, %d slots taken, all distinct)%n", name, rate, calls.get(), handedOut);
        return rate;
    }

    private static HotCounters adapter(String className, StringRedisTemplate redis) throws Exception {
        var type = Class.forName(className);
        var constructor = redis == null ? type.getDeclaredConstructor() : type.getDeclaredConstructor(StringRedisTemplate.class);
        constructor.setAccessible(true); // the adapters are package-private: the application only sees the port
        return (HotCounters) (redis == null ? constructor.newInstance() : constructor.newInstance(redis));
    }
}
