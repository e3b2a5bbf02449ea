import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders end to end against pgbench on the same PostgreSQL server, in the same run.
 *
 * N buyers (registered through the app, each signed in with an address) loop closed: add one unit to the cart, check
 * out (Idempotency-Key), start the payment, open the sandbox cashier page, press pay (HTML form with _csrf), then poll
 * the order until it is PAID (the sandbox's signed callback, delivered by its poller, is what makes it so). After a
 * warm-up, orders that reach PAID inside the window are counted. Then pgbench's built-in tpcb-like script runs with
 * the same number of clients for the same time against a separate database on the same server, and the ratio is
 * printed. Also: database transactions per order (commits in the app's database, idle background subtracted), and
 * CPU per order of the app, PostgreSQL and this driver.
 *
 * Usage: java bench/OrderLoad.java http://localhost:18181 [buyers] [seconds] --pg-port=15481 [--app-pid=PID]
 *        [--warmup=20] [--poll-ms=50] [--scale=10] [--pgbench=pgbench] [--psql=psql]
 * (bench/run-orders.sh starts the app and passes these.)
 */
public class OrderLoad {

    static final String BUYER_PASSWORD = "bench12345";
    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static String base;
    static int pgPort;
    static String psql;
    static String pgbench;
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = options(args, positional);
        base = positional.size() > 0 ? positional.get(0) : "http://localhost:18181";
        int buyers = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 4;
        int seconds = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 15;
        pgPort = Integer.parseInt(options.getOrDefault("pg-port", "15481"));
        long appPid = Long.parseLong(options.getOrDefault("app-pid", "0"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        int pollMillis = Integer.parseInt(options.getOrDefault("poll-ms", "50"));
        int scale = Integer.parseInt(options.getOrDefault("scale", "10"));
        psql = options.getOrDefault("psql", "psql");
        pgbench = options.getOrDefault("pgbench", "pgbench");

        String serverVersion = sql("postgres", "show server_version");
        String pgbenchVersion = run(List.of(pgbench, "--version")).strip();
        String durability = sql("postgres", "select 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')");
        System.out.printf("Kinshop orders vs pgbench: %d buyers / clients, %d s windows (after %d s warm-up), %s%n", buyers, seconds, warmup, base);
        System.out.printf("PostgreSQL server %s on port %d (%s); pgbench client: %s%n%n", serverVersion, pgPort, durability, pgbenchVersion);

        // ---- setup (not measured): stock, buyers, pgbench data ----
        long skuId = prepareStock();
        List<Buyer> list = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            list.add(Buyer.register(i));
        }
        System.out.printf("Setup: SKU %d stocked; %d buyers registered (code from /dev/sms), signed in, with an address%n", skuId, buyers);
        sql("postgres", "drop database if exists pgbench");
        sql("postgres", "create database pgbench");
        long initStart = System.nanoTime();
        run(List.of(pgbench, "-i", "-q", "-s", Integer.toString(scale), "-h", "localhost", "-p", Integer.toString(pgPort), "-U", "postgres", "pgbench"));
        System.out.printf("Setup: pgbench -i -s %d into database pgbench (%.1f s)%n", scale, (System.nanoTime() - initStart) / 1e9);

        // ---- orders: warm-up, then the window, in one continuous closed loop ----
        Cpu cpu = new Cpu(appPid, postmasterPid());
        double idleTx = idleTransactionsPerSecond();
        long start = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        List<Future<List<long[]>>> futures = new ArrayList<>();
        for (Buyer buyer : list) {
            futures.add(pool.submit(() -> buyer.loop(skuId, end, pollMillis)));
        }
        sleepUntil(start);
        Window orderWindow = Window.open(cpu);
        sleepUntil(end);
        orderWindow.close(cpu, idleTx);
        List<long[]> orders = new ArrayList<>();
        for (Future<List<long[]>> future : futures) {
            future.get().stream().filter(o -> o[6] >= start && o[6] <= end).forEach(orders::add);
        }

        // ---- what the status polls alone cost: the buyers poll their last (paid) order; the middle 3 s are measured ----
        long pollFrom = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        long pollTo = pollFrom + Duration.ofSeconds(3).toNanos();
        List<Future<long[]>> pollFutures = new ArrayList<>();
        for (Buyer buyer : list) {
            pollFutures.add(pool.submit(() -> buyer.pollOnly(pollTo + Duration.ofSeconds(1).toNanos(), pollMillis)));
        }
        sleepUntil(pollFrom);
        Window pollWindow = Window.open(cpu);
        sleepUntil(pollTo);
        pollWindow.close(cpu, idleTx);
        long pollRequests = 0;
        for (Future<long[]> future : pollFutures) {
            pollRequests += Arrays.stream(future.get()).filter(t -> t >= pollFrom && t <= pollTo).count();
        }
        pool.shutdown();

        // ---- pgbench on the same server, same client count and time ----
        Cpu.Snapshot benchStart = cpu.snapshot();
        cpu.sampleEvery(200);
        String out = run(List.of(pgbench, "-b", "tpcb-like", "-c", Integer.toString(buyers), "-j", Integer.toString(Math.min(2, buyers)),
                "-T", Integer.toString(seconds), "-h", "localhost", "-p", Integer.toString(pgPort), "-U", "postgres", "pgbench"));
        Cpu.Snapshot benchEnd = cpu.snapshot();
        cpu.stopSampling();
        double tps = number(out, "tps = ([0-9.]+)");
        double pgbenchLatency = number(out, "latency average = ([0-9.]+) ms");
        long pgbenchTx = (long) number(out, "number of transactions actually processed: ([0-9]+)");
        Cpu.Usage benchCpu = cpu.usage(benchStart, benchEnd);

        // ---- report ----
        double windowSeconds = (end - start) / 1e9;
        double ordersPerSecond = orders.size() / windowSeconds;
        int n = orders.size();
        double pollsPerOrder = n == 0 ? 0 : orders.stream().mapToLong(o -> o[7]).sum() / (double) n;
        System.out.println();
        System.out.printf("%-46s %12s %9s %9s%n", "", "per second", "p50 ms", "p99 ms");
        System.out.printf("%-46s %12.1f %9s %9s   (average latency %.2f ms)%n", "pgbench -b tpcb-like, scale " + scale + " (TPS)", tps, "", "",
                pgbenchLatency);
        System.out.printf("%-46s %12.1f %9.1f %9.1f%n", "orders, cart to PAID observed", ordersPerSecond, stat(orders, 0, 6, 0.5), stat(orders, 0, 6, 0.99));
        System.out.printf("%-46s %12.4f   (1 order ≈ %.0f pgbench transactions of throughput)%n", "ratio orders/s ÷ pgbench TPS",
                ordersPerSecond / tps, tps / Math.max(ordersPerSecond, 1e-9));
        System.out.printf("%d orders in the %.0f s window, %d pgbench transactions in %d s%n%n", n, windowSeconds, pgbenchTx, seconds);

        System.out.printf("%-46s %9s %9s %9s%n", "order latency (ms)", "p50", "p99", "mean");
        String[] steps = {"add to cart    POST /api/me/cart/items", "check out      POST /api/me/checkouts", "start payment  POST …/payments",
                "cashier page   GET /sandbox/pay/{id}", "press pay      POST /sandbox/pay/{id}/pay"};
        for (int s = 0; s < steps.length; s++) {
            row("  " + steps[s], orders, s, s + 1);
        }
        row("start → cashier accepted", orders, 0, 5);
        row("cashier accepted → PAID recorded (paidAt)", orders, 8, 9);
        row("cashier accepted → PAID observed (polling)", orders, 5, 6);
        row("end to end (start → PAID observed)", orders, 0, 6);
        System.out.println();

        double txPerPoll = pollWindow.transactions() / Math.max(1, pollRequests);
        double appPerPoll = pollWindow.usage().app() * 1000 / Math.max(1, pollRequests);
        double pgPerPoll = pollWindow.usage().postgres() * 1000 / Math.max(1, pollRequests);
        double txPerOrder = orderWindow.transactions() / Math.max(1, n);
        double appPerOrder = orderWindow.usage().app() * 1000 / Math.max(1, n);
        double pgPerOrder = orderWindow.usage().postgres() * 1000 / Math.max(1, n);
        System.out.println("cost of one order (DB tx = commits in the app's database beyond the idle app's "
                + Math.round(idleTx) + "/s of poller ticks)");
        System.out.printf("  %-44s %9s %9s %9s %9s%n", "", "requests", "DB tx", "app CPU", "PG CPU");
        System.out.printf("  %-44s %9.1f %9.1f %7.1fms %7.1fms%n", "whole order, as measured", 5 + pollsPerOrder, txPerOrder, appPerOrder, pgPerOrder);
        System.out.printf("  %-44s %9.1f %9.1f %7.1fms %7.1fms%n", "  of which status polls (every " + pollMillis + " ms)", pollsPerOrder,
                pollsPerOrder * txPerPoll, pollsPerOrder * appPerPoll, pollsPerOrder * pgPerPoll);
        System.out.printf("  %-44s %9.1f %9.1f %7.1fms %7.1fms%n", "  checkout + payment without the polls", 5.0,
                txPerOrder - pollsPerOrder * txPerPoll, appPerOrder - pollsPerOrder * appPerPoll, pgPerOrder - pollsPerOrder * pgPerPoll);
        System.out.printf("  %-44s %9s %9.1f %9s %7.3fms   (+ pgbench client %.3f ms)%n", "one pgbench tpcb-like transaction", "", 1.0, "-",
                perUnit(benchCpu.postgres(), pgbenchTx), perUnit(benchCpu.children(), pgbenchTx));
        System.out.println("  (plus per order, outside the buyer's requests: 2 signed sandbox callbacks, 1 of them a duplicate, counted in DB tx and CPU)");
        System.out.printf("  this driver: %.1f ms CPU per order; machine busy %.2f of %d cores during orders (app + PostgreSQL + driver %.2f),"
                        + " %.2f during pgbench (ours %.2f): the rest is other work on the machine%n",
                orderWindow.usage().driver() * 1000 / Math.max(1, n), orderWindow.usage().machine() / windowSeconds,
                Runtime.getRuntime().availableProcessors(),
                (orderWindow.usage().app() + orderWindow.usage().postgres() + orderWindow.usage().driver()) / windowSeconds,
                benchCpu.machine() / seconds, (benchCpu.app() + benchCpu.postgres() + benchCpu.driver() + benchCpu.children()) / seconds);
        if (appPid != 0) { // after the order load: the app's resident memory now, and its peak since start (aim: at most 1 GiB)
            System.out.printf("  app memory: RSS %s now, peak %s (VmRSS / VmHWM of pid %d)%n", memory(appPid, "VmRSS"), memory(appPid, "VmHWM"), appPid);
        }
        Buyer.reportErrors();
    }

    /**
     * Commits in the app's database and CPU over a stretch of steady load. Backends flush their statistics about once a
     * second, so the count at either end lags by about the same amount, and the lag cancels out.
     */
    static final class Window {

        private Cpu.Snapshot cpuStart;
        private long commitsStart;
        private long nanosStart;
        private Cpu.Usage usage;
        private double transactions;

        static Window open(Cpu cpu) throws Exception {
            Window window = new Window();
            window.nanosStart = System.nanoTime();
            window.cpuStart = cpu.snapshot();
            window.commitsStart = commits("kinshop");
            return window;
        }

        /** Closes now; {@code idlePerSecond} commits of the app's own pollers are subtracted. */
        void close(Cpu cpu, double idlePerSecond) throws Exception {
            usage = cpu.usage(cpuStart, cpu.snapshot());
            transactions = commits("kinshop") - commitsStart - idlePerSecond * (System.nanoTime() - nanosStart) / 1e9;
        }

        Cpu.Usage usage() {
            return usage;
        }

        double transactions() {
            return transactions;
        }
    }

    // ---------------------------------------------------------------- buyers

    static final class Buyer {

        static final Map<String, AtomicLong> ERRORS = new ConcurrentHashMap<>();
        static final Map<String, String> FIRST_ERROR = new ConcurrentHashMap<>();
        static final AtomicLong TORN_READS = new AtomicLong();

        final int index;
        final String phone;
        final Http http = new Http();
        long addressId;
        String lastOrder;

        Buyer(int index) {
            this.index = index;
            this.phone = "1370000%04d".formatted(index + 1);
        }

        static Buyer register(int index) throws Exception {
            Buyer buyer = new Buyer(index);
            Http http = buyer.http;
            http.get("/api/auth/csrf", 200);
            http.postJson("/api/auth/codes", "{\"phone\":\"" + buyer.phone + "\",\"purpose\":\"REGISTER\"}", null, 202);
            String inbox = new Http().get("/dev/sms", 200);
            Matcher code = Pattern.compile("sms-phone\">" + buyer.phone + "</span>[\\s\\S]*?sms-body\">[^<]*?(\\d{6})").matcher(inbox);
            if (!code.find()) {
                throw new IllegalStateException("No SMS code for " + buyer.phone + " on /dev/sms");
            }
            http.postJson("/api/auth/register", "{\"phone\":\"" + buyer.phone + "\",\"code\":\"" + code.group(1) + "\",\"password\":\""
                    + BUYER_PASSWORD + "\",\"nickname\":\"压测买家" + (index + 1) + "\"}", "reg-" + RUN + "-" + index, 201);
            String address = http.postJson("/api/me/addresses", "{\"receiver\":\"压测买家" + (index + 1) + "\",\"phone\":\"" + buyer.phone
                    + "\",\"region\":\"浙江省 杭州市 西湖区\",\"detail\":\"文三路" + (index + 1) + "号\"}", null, 201);
            buyer.addressId = Long.parseLong(field(address, "id"));
            return buyer;
        }

        /**
         * Orders until {@code end}; each is [t0 start, t1 in cart, t2 checked out, t3 payment started, t4 cashier shown,
         * t5 cashier accepted, t6 PAID observed] from System.nanoTime(), then [7] status polls, [8] wall clock at t5 and
         * [9] the order's paidAt as the app recorded it, both in microseconds since the epoch (same machine, same clock).
         */
        List<long[]> loop(long skuId, long end, int pollMillis) {
            List<long[]> done = new ArrayList<>();
            long seq = 0;
            while (System.nanoTime() < end) {
                long[] t = new long[10];
                String step = "add to cart";
                try {
                    t[0] = System.nanoTime();
                    http.postJson("/api/me/cart/items", "{\"skuId\":" + skuId + ",\"quantity\":1}", null, 200);
                    t[1] = System.nanoTime();
                    step = "checkout";
                    String placed = http.postJson("/api/me/checkouts", "{\"addressId\":" + addressId + "}", "co-" + RUN + "-" + index + "-" + seq, 201);
                    String checkout = field(placed, "checkoutNumber");
                    String order = placed.replaceAll("(?s).*\"orders\":\\[\"([^\"]+)\".*", "$1");
                    t[2] = System.nanoTime();
                    step = "start payment";
                    String started = http.postJson("/api/me/checkouts/" + checkout + "/payments", null, "pay-" + RUN + "-" + index + "-" + seq, 201);
                    String cashier = field(started, "payUrl");
                    t[3] = System.nanoTime();
                    step = "cashier page";
                    String page = http.get(cashier, 200);
                    Matcher csrf = CSRF_FIELD.matcher(page);
                    if (!csrf.find()) {
                        throw new IllegalStateException("no _csrf field on the cashier page");
                    }
                    t[4] = System.nanoTime();
                    step = "press pay";
                    http.postForm(cashier + "/pay", "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8), 302);
                    t[5] = System.nanoTime();
                    t[8] = micros(java.time.Instant.now());
                    step = "wait for PAID";
                    long giveUp = t[5] + Duration.ofSeconds(30).toNanos();
                    while (true) {
                        Thread.sleep(pollMillis);
                        t[7]++;
                        String detail = http.get("/api/me/orders/" + order, 200);
                        Matcher status = STATUS.matcher(detail);
                        if (status.find() && status.group(1).equals("PAID")) {
                            String paidAt = field(detail, "paidAt");
                            if (!paidAt.equals("null")) {
                                t[9] = micros(java.time.Instant.parse(paidAt));
                                break;
                            }
                            TORN_READS.incrementAndGet(); // status PAID but paidAt null: the detail is read in several statements
                        }
                        if (System.nanoTime() > giveUp) {
                            throw new IllegalStateException("order " + order + " not PAID after 30 s");
                        }
                    }
                    t[6] = System.nanoTime();
                    done.add(t);
                    lastOrder = order;
                } catch (Exception e) {
                    ERRORS.computeIfAbsent(step, k -> new AtomicLong()).incrementAndGet();
                    FIRST_ERROR.putIfAbsent(step, String.valueOf(e.getMessage()));
                    if (step.equals("checkout")) {
                        try {
                            http.delete("/api/me/cart/items/" + skuId);
                        } catch (Exception ignored) {
                            // the next add just adds a second unit
                        }
                    }
                }
                seq++;
            }
            return done;
        }

        /** Polls its last (paid) order until {@code end}, as often as while waiting for PAID; answers when each poll was answered. */
        long[] pollOnly(long end, int pollMillis) throws Exception {
            List<Long> answered = new ArrayList<>();
            while (lastOrder != null && System.nanoTime() < end) {
                Thread.sleep(pollMillis);
                http.get("/api/me/orders/" + lastOrder, 200);
                answered.add(System.nanoTime());
            }
            return answered.stream().mapToLong(Long::longValue).toArray();
        }

        static void reportErrors() {
            if (TORN_READS.get() > 0) {
                System.out.printf("inconsistent order details: %d polls saw status PAID with paidAt null (polled again)%n", TORN_READS.get());
            }
            if (ERRORS.isEmpty()) {
                System.out.println("errors: none");
                return;
            }
            ERRORS.forEach((step, count) -> System.out.printf("errors at %s: %d (first: %s)%n", step, count.get(), FIRST_ERROR.get(step)));
        }
    }

    /** The supplier staff of the demo supplier adds stock to the first SKU of one of its products on sale. */
    /** {@code --name=value} arguments as options (a bare {@code --name} is "true"); the others go to {@code positional}. */
    static Map<String, String> options(String[] args, List<String> positional) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                String[] kv = arg.substring(2).split("=", 2);
                options.put(kv[0], kv.length > 1 ? kv[1] : "true");
            } else {
                positional.add(arg);
            }
        }
        return options;
    }

    static long prepareStock() throws Exception {
        Http staff = new Http();
        staff.get("/api/auth/csrf", 200);
        staff.postJson("/api/auth/login", "{\"phone\":\"13900000001\",\"password\":\"kinshop123\"}", null, 200);
        String products = staff.get("/api/supplier/products", 200);
        Matcher onSale = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"[^\"]*\",\"status\":\"ON_SALE\"").matcher(products);
        if (!onSale.find()) {
            throw new IllegalStateException("the demo supplier has no product on sale");
        }
        String product = staff.get("/api/supplier/products/" + onSale.group(1), 200);
        long sku = Long.parseLong(product.replaceAll("(?s).*\"skus\":\\[\\{\"id\":(\\d+).*", "$1"));
        staff.postJson("/api/supplier/skus/" + sku + "/stock", "{\"delta\":1000000}", null, 200);
        return sku;
    }

    // ---------------------------------------------------------------- HTTP

    /** One browser: its own cookies (session, XSRF-TOKEN), one HTTP/1.1 connection at a time. */
    static final class Http {

        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();

        String get(String path, int expected) throws Exception {
            return send(request(path).GET(), expected);
        }

        String postJson(String path, String json, String idempotencyKey, int expected) throws Exception {
            HttpRequest.Builder request = request(path).header("X-XSRF-TOKEN", xsrf())
                    .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return send(request, expected);
        }

        String postForm(String path, String form, int expected) throws Exception {
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), expected);
        }

        void delete(String path) throws Exception {
            send(request(path).header("X-XSRF-TOKEN", xsrf()).DELETE(), 200);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).timeout(Duration.ofSeconds(30));
        }

        private String send(HttpRequest.Builder request, int expected) throws Exception {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                String body = response.body();
                throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + ": HTTP "
                        + response.statusCode() + " " + body.substring(0, Math.min(200, body.length())));
            }
            return response.body();
        }

        private String xsrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                    .map(java.net.HttpCookie::getValue).orElse("");
        }
    }

    static long micros(java.time.Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    // ---------------------------------------------------------------- PostgreSQL

    static String sql(String database, String query) throws Exception {
        return run(List.of(psql, "-X", "-q", "-At", "-h", "localhost", "-p", Integer.toString(pgPort), "-U", "postgres", "-d", database,
                "-v", "ON_ERROR_STOP=1", "-c", query)).strip();
    }

    static long commits(String database) throws Exception {
        return Long.parseLong(sql("postgres", "select xact_commit from pg_stat_database where datname = '" + database + "'"));
    }

    /** What the app commits when nobody orders (its pollers), measured now over 4 s. */
    static double idleTransactionsPerSecond() throws Exception {
        Thread.sleep(1500); // statistics of what came before are flushed
        long before = commits("kinshop");
        long from = System.nanoTime();
        Thread.sleep(4000);
        long after = commits("kinshop"); // psql connects to database postgres, so its look-ups are not counted here
        return (after - before) / ((System.nanoTime() - from) / 1e9);
    }

    static long postmasterPid() throws Exception {
        Path dataDir = Path.of(sql("postgres", "show data_directory"));
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    // ---------------------------------------------------------------- CPU

    /**
     * CPU seconds of the app JVM, the PostgreSQL server (postmaster and all its children), this driver, and this
     * driver's child processes (pgbench), plus the whole machine's busy time from /proc/stat. Processes that end in
     * the window (pgbench's backends) are sampled while they live, so their last fraction of a second is missed.
     */
    static final class Cpu {

        record Snapshot(Map<Long, Double> postgres, double app, double driver, Map<Long, Double> children, double machine) {
        }

        record Usage(double app, double postgres, double driver, double children, double machine) {
        }

        final long appPid;
        final long postmaster;
        final Map<Long, Double> seenPostgres = new ConcurrentHashMap<>();
        final Map<Long, Double> seenChildren = new ConcurrentHashMap<>();
        volatile Thread sampler;

        Cpu(long appPid, long postmaster) {
            this.appPid = appPid;
            this.postmaster = postmaster;
        }

        Snapshot snapshot() throws IOException {
            Map<Long, Double> postgres = tree(postmaster);
            Map<Long, Double> children = tree(ProcessHandle.current().pid());
            children.remove(ProcessHandle.current().pid());
            return new Snapshot(postgres, appPid == 0 ? 0 : seconds(ProcessHandle.of(appPid)), seconds(ProcessHandle.of(ProcessHandle.current().pid())),
                    children, machineBusy());
        }

        void sampleEvery(long millis) {
            seenPostgres.clear();
            seenChildren.clear();
            Thread thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    tree(postmaster).forEach((pid, s) -> seenPostgres.merge(pid, s, Math::max));
                    Map<Long, Double> children = tree(ProcessHandle.current().pid());
                    children.remove(ProcessHandle.current().pid());
                    children.forEach((pid, s) -> seenChildren.merge(pid, s, Math::max));
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "cpu-sampler");
            thread.setDaemon(true);
            thread.start();
            sampler = thread;
        }

        void stopSampling() {
            if (sampler != null) {
                sampler.interrupt();
            }
        }

        Usage usage(Snapshot from, Snapshot to) {
            return new Usage(to.app() - from.app(), delta(from.postgres(), to.postgres(), seenPostgres), to.driver() - from.driver(),
                    delta(from.children(), to.children(), seenChildren), to.machine() - from.machine());
        }

        private static double delta(Map<Long, Double> from, Map<Long, Double> to, Map<Long, Double> sampled) {
            Map<Long, Double> last = new HashMap<>(sampled);
            to.forEach((pid, s) -> last.merge(pid, s, Math::max));
            double total = 0;
            for (Map.Entry<Long, Double> e : last.entrySet()) {
                total += e.getValue() - from.getOrDefault(e.getKey(), 0.0);
            }
            return total;
        }

        private static Map<Long, Double> tree(long root) {
            Map<Long, Double> cpu = new HashMap<>();
            ProcessHandle.of(root).ifPresent(p -> {
                cpu.put(p.pid(), seconds(java.util.Optional.of(p)));
                p.descendants().forEach(d -> cpu.put(d.pid(), seconds(java.util.Optional.of(d))));
            });
            return cpu;
        }

        private static double seconds(java.util.Optional<ProcessHandle> process) {
            return process.flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos() / 1e9).orElse(0.0);
        }

        private static double machineBusy() throws IOException {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return (total - idle) / 100.0; // USER_HZ
        }
    }

    // ---------------------------------------------------------------- numbers

    static void row(String name, List<long[]> orders, int from, int to) {
        System.out.printf("%-46s %9.1f %9.1f %9.1f%n", name, stat(orders, from, to, 0.5), stat(orders, from, to, 0.99), stat(orders, from, to, -1));
    }

    /** Percentile p (or the mean for p < 0) of o[to] - o[from] in ms; indexes 0..6 hold nanoseconds, 8 and 9 microseconds. */
    static double stat(List<long[]> orders, int from, int to, double p) {
        double unit = from >= 8 ? 1e3 : 1e6;
        long[] d = orders.stream().mapToLong(o -> o[to] - o[from]).sorted().toArray();
        if (d.length == 0) {
            return 0;
        }
        return (p < 0 ? Arrays.stream(d).average().orElse(0) : d[(int) Math.min(d.length - 1, Math.floor(p * d.length))]) / unit;
    }

    static double perUnit(double seconds, long units) {
        return units == 0 ? 0 : seconds * 1000 / units;
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("pgbench output without /" + regex + "/:\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** A /proc/PID/status figure (kB) in MiB, e.g. VmRSS or VmHWM. */
    static String memory(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith(field + ":"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MiB").findFirst().orElse("?");
        } catch (java.io.IOException gone) {
            return "?";
        }
    }
}
