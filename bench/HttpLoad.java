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
 * served by the same app), so the figures are ratios that mean something on any machine. Given a bare Spring Boot
 * app (bench/bare, one trivial endpoint), it is measured in the same run and every figure is also stated ÷ bare:
 * what Kinshop answers against what the framework itself answers on this machine.
 *
 * The app must run with demo data (product 1, shop "xiaoyu"). The share-link target records a visit per request
 * (asynchronously), so comparing it with the plain product page shows what recording costs the page.
 *
 * Usage: java bench/HttpLoad.java http://localhost:18080 [clients] [seconds] [bare-boot base URL]
 *   env: ONLY=css,liveness (some targets only), WARMUP=8 (seconds of unreported load per target, default 2)
 */
public class HttpLoad {

    record Target(String name, String base, String path, boolean signIn) {
    }

    record Result(String name, long requests, long errors, double seconds, long[] latenciesMicros, double cpuMillis) {
        /** CPU the serving process spent per answered request: steadier than req/s on a shared machine. */
        double cpuPerRequest() {
            return requests == 0 ? Double.NaN : cpuMillis / requests;
        }

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
        String bare = args.length > 3 ? args[3] : null;
        List<Target> targets = new ArrayList<>(List.of(
                new Target("static asset /css/kinshop.css (baseline)", base, "/css/kinshop.css", false),
                new Target("trivial endpoint /actuator/health/liveness", base, "/actuator/health/liveness", false),
                new Target("health with the database /actuator/health", base, "/actuator/health", false),
                new Target("storefront home page /", base, "/", false),
                new Target("product detail /p/1", base, "/p/1", false),
                new Target("product via share link /p/1?s=xiaoyu", base, "/p/1?s=xiaoyu", false),
                new Target("micro-shop page /s/xiaoyu", base, "/s/xiaoyu", false),
                new Target("Chinese search /search?q=零食", base, "/search?q=%E9%9B%B6%E9%A3%9F", false),
                new Target("sign-in page /login", base, "/login", false),
                new Target("signed in: product detail /p/1", base, "/p/1", true),
                new Target("signed in: GET /api/me (session + one account read)", base, "/api/me", true),
                new Target("POST /api/auth/login (Argon2id)", base, "/api/auth/login", true)));
        if (bare != null) {
            targets.add(new Target("bare Spring Boot /hello", bare, "/hello", false));
        }
        String only = System.getenv("ONLY"); // e.g. ONLY=css,liveness: just those targets (for a profile of them)
        if (only != null && !only.isBlank()) {
            targets.removeIf(t -> java.util.Arrays.stream(only.split(",")).noneMatch(word -> t.name().contains(word)));
        }
        System.out.printf("Kinshop HTTP load: %d clients, %d s per target, %s%s%n%n", clients, seconds, base, bare == null ? "" : ", bare Boot " + bare);
        int warmUp = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "2")); // seconds per target; longer on a busy machine, where the JIT lags
        for (Target target : targets) {
            run(target, clients, warmUp); // warm-up, not reported
        }
        List<Result> results = new ArrayList<>();
        for (Target target : targets) {
            results.add(run(target, clients, seconds));
        }
        double baseline = rps(results, "static asset");
        double bareRps = rps(results, "bare Spring Boot");
        System.out.printf("%-44s %10s %8s %8s %9s %9s %7s %11s%n", "target", "req/s", "ratio", "÷ bare", "p50 ms", "p99 ms", "errors", "CPU ms/req");
        for (Result r : results) {
            System.out.printf("%-44s %10.0f %8.3f %8.3f %9.2f %9.2f %7d %11.3f%n", r.name(), r.rps(), r.rps() / baseline, r.rps() / bareRps,
                    r.percentile(0.50) / 1000.0, r.percentile(0.99) / 1000.0, r.errors(), r.cpuPerRequest());
        }
        double cpuBare = cpu(results, "bare Spring Boot");
        System.out.printf("%nCPU per request as a ratio (bare ÷ target; 1 = as cheap as bare; needs APP_PID and BARE_PID):%n");
        System.out.printf("static asset:     %.3f%n", cpuBare / cpu(results, "static asset"));
        System.out.printf("trivial endpoint: %.3f%n", cpuBare / cpu(results, "trivial endpoint"));
        System.out.printf("product page ÷ static asset (static CPU ÷ page CPU): %.3f%n", cpu(results, "static asset") / cpu(results, "product detail"));
        System.out.println();
        System.out.printf("static asset ÷ bare Boot:           %.3f (aim >= 0.5)%n", baseline / bareRps);
        System.out.printf("trivial endpoint ÷ bare Boot:       %.3f (aim >= 0.5)%n", rps(results, "trivial endpoint") / bareRps);
        System.out.printf("product page ÷ static asset:        %.3f (aim >= 0.5)%n", rps(results, "product detail") / baseline);
        System.out.printf("signed-in product page ÷ anonymous: %.3f%n", rps(results, "signed in: product") / rps(results, "product detail"));
    }

    static double cpu(List<Result> results, String namePrefix) {
        return results.stream().filter(r -> r.name().startsWith(namePrefix)).mapToDouble(Result::cpuPerRequest).findFirst().orElse(Double.NaN);
    }

    /** CPU time (user + system) of a process so far, in ms, from /proc; NaN when the process is not known. */
    static double cpuMillisOf(String pidVariable) {
        String pid = System.getenv(pidVariable);
        if (pid == null || pid.isBlank()) {
            return Double.NaN;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0; // utime + stime, 100 ticks/s
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }

    static double rps(List<Result> results, String namePrefix) {
        return results.stream().filter(r -> r.name().startsWith(namePrefix)).mapToDouble(Result::rps).findFirst().orElse(Double.NaN);
    }

    static Result run(Target target, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        String pidVariable = target.name().startsWith("bare") ? "BARE_PID" : "APP_PID";
        double cpuBefore = cpuMillisOf(pidVariable);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> client(target, client, deadline)));
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
        return new Result(target.name(), merged.length, errors, seconds, merged, cpuMillisOf(pidVariable) - cpuBefore);
    }

    /** Returns [errors, latency...] in microseconds. */
    static long[] client(Target target, int client, long deadline) throws Exception {
        String base = target.base();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String xsrf = null;
        String body = null;
        boolean login = target.path().equals("/api/auth/login");
        if (target.signIn()) {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf")).build(), HttpResponse.BodyHandlers.discarding());
            xsrf = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
            body = "{\"phone\":\"1380000000" + (1 + client % 5) + "\",\"password\":\"kinshop123\"}";
            if (!login) { // a signed-in page: sign in once, then every request carries the session cookie
                HttpResponse<Void> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", xsrf).build(), HttpResponse.BodyHandlers.discarding());
                if (signedIn.statusCode() >= 400) {
                    throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
                }
            }
        }
        long[] latencies = new long[1 << 20];
        int n = 1;
        long errors = 0;
        while (System.nanoTime() < deadline && n < latencies.length) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target.path()));
            if (login) {
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
