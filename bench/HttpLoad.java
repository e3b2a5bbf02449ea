import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small closed-loop HTTP load driver: N clients, each sending its next request when the previous one answered,
 * for a fixed time, against a few targets of one running Kinshop. The first target is the baseline (a static file
 * served by the same app), so the figures are ratios that mean something on any machine.
 *
 * The app must run with demo data (product 1, shop "xiaoyu"). The share-link target records a visit per request
 * (asynchronously), so comparing it with the plain product page shows what recording costs the page.
 *
 * Usage: java bench/HttpLoad.java http://localhost:18080 [clients] [seconds]
 */
public class HttpLoad {

    record Target(String name, String path, boolean signIn) {
    }

    record Result(String name, long requests, long errors, double seconds, long[] latenciesMicros) {
        double rps() {
            return requests / seconds;
        }

        long percentile(double p) {
            return latenciesMicros.length == 0 ? 0 : latenciesMicros[(int) Math.min(latenciesMicros.length - 1, Math.floor(p * latenciesMicros.length))];
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:18080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<Target> targets = List.of(
                new Target("static asset /css/kinshop.css (baseline)", "/css/kinshop.css", false),
                new Target("storefront home page /", "/", false),
                new Target("product detail /p/1", "/p/1", false),
                new Target("product via share link /p/1?s=xiaoyu", "/p/1?s=xiaoyu", false),
                new Target("micro-shop page /s/xiaoyu", "/s/xiaoyu", false),
                new Target("Chinese search /search?q=零食", "/search?q=%E9%9B%B6%E9%A3%9F", false),
                new Target("sign-in page /login", "/login", false),
                new Target("POST /api/auth/login (Argon2id)", "/api/auth/login", true));
        System.out.printf("Kinshop HTTP load: %d clients, %d s per target, %s%n%n", clients, seconds, base);
        for (Target target : targets) {
            run(base, target, clients, 2); // warm-up, not reported
        }
        List<Result> results = new ArrayList<>();
        for (Target target : targets) {
            results.add(run(base, target, clients, seconds));
        }
        double baseline = results.get(0).rps();
        System.out.printf("%-44s %10s %8s %9s %9s %7s%n", "target", "req/s", "ratio", "p50 ms", "p99 ms", "errors");
        for (Result r : results) {
            System.out.printf("%-44s %10.0f %8.3f %9.2f %9.2f %7d%n", r.name(), r.rps(), r.rps() / baseline,
                    r.percentile(0.50) / 1000.0, r.percentile(0.99) / 1000.0, r.errors());
        }
    }

    static Result run(String base, Target target, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> client(base, target, client, deadline)));
        }
        long errors = 0;
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            long[] latencies = future.get();
            errors += latencies[0];
            all.add(Arrays.copyOfRange(latencies, 1, latencies.length));
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(target.name(), merged.length, errors, seconds, merged);
    }

    /** Returns [errors, latency...] in microseconds. */
    static long[] client(String base, Target target, int client, long deadline) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String xsrf = null;
        String body = null;
        if (target.signIn()) {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf")).build(), HttpResponse.BodyHandlers.discarding());
            xsrf = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
            body = "{\"phone\":\"1380000000" + (1 + client % 5) + "\",\"password\":\"kinshop123\"}";
        }
        long[] latencies = new long[1 << 20];
        int n = 1;
        long errors = 0;
        while (System.nanoTime() < deadline && n < latencies.length) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target.path()));
            if (target.signIn()) {
                request.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf);
            }
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long micros = (System.nanoTime() - start) / 1000;
            if (response.statusCode() >= 400) {
                errors++;
            } else {
                latencies[n++] = micros;
            }
        }
        long[] result = Arrays.copyOf(latencies, n);
        result[0] = errors;
        return result;
    }
}
