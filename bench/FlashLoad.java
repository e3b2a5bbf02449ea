import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flash-sale (秒杀) load, written against the flash-sale API contract, every figure a ratio to a baseline measured in
 * the same run on the same machine, after full-size warm-up sales until node 1's JIT compiler takes at most 10 % of its CPU
 * (at most four; a JVM fresh from start spends up to a third of a sale compiling):
 * <ul>
 *   <li>buy attempts per second on one node ÷ the same node's trivial endpoint ({@code /actuator/health/liveness});</li>
 *   <li>units sold durably per second — a unit is sold when its claim is committed in PostgreSQL (the record of what
 *   was sold: the counter is rebuilt from it, and a claim whose order is lost is ordered by the sweep) — ÷ the database
 *   hot-row baseline, {@code UPDATE … SET stock = stock - 1 WHERE stock > 0} on one row by the same number of clients
 *   (what a shop that decrements one row per buyer can do at best); and units ordered per second (first attempt until
 *   every claim has its order, read from the database) ÷ the same hot row;</li>
 *   <li>buy attempts per second spread over two nodes ÷ one node;</li>
 *   <li>oversold units, checked after each sale: must be 0;</li>
 *   <li>node 1's CPU per attempt (env NODE1_PID), against its CPU per trivial request.</li>
 * </ul>
 * Each sale has {@code units} units, limit 1 per member, and 1.5 × {@code units} members who each try once (so the
 * last third meets 已抢光, as in a real flash sale). Members are created directly in the database and signed in with
 * one-time codes (registration hashes a password with Argon2: far too slow for thousands).
 *
 * Usage (bench/run-flash.sh starts everything): java -cp postgresql.jar bench/FlashLoad.java JDBC_URL NODE1 NODE2 [clients] [units] [seconds]
 *   env: ONLY=baseline (the trivial endpoint and the hot row only, e.g. before the flash-sale module is there),
 *        NODE1_PID (node 1's CPU per attempt and per trivial request)
 */
public class FlashLoad {

    private static final Pattern NUMBER = Pattern.compile("\"%s\"\\s*:\\s*(-?\\d+)");
    private static final String SUPPLIER_STAFF = "13900000001";
    private static final String OPERATOR = "13800000000";
    private static final String DEMO_PASSWORD = "kinshop123";
    private static final int MAX_WARM_UPS = 4;
    private static final double SETTLED_JIT_SHARE = 0.10;

    record Member(String phone, long addressId, HttpClient http, String xsrf) {
    }

    record Sale(long id, long skuId) {
    }

    record Outcome(int status, String body) {
    }

    record SaleFigures(double attemptsPerSecond, double unitsPerSecond, double orderedPerSecond, long accepted, long soldOut, long other, long oversold,
                       double orderedAfterSeconds, double node1CpuPerAttempt, double node1JitShare) {
    }

    public static void main(String[] args) throws Exception {
        String jdbc = args[0];
        String node1 = args[1];
        String node2 = args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int units = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        boolean baselineOnly = "baseline".equals(System.getenv("ONLY"));
        System.out.printf("Kinshop flash-sale load: %d clients, %d units per sale, baselines over %d s; nodes %s and %s%n%n", clients, units, seconds, node1, node2);
        if (baselineOnly) {
            trivial(node1, clients, 2); // warm-up
            System.out.printf("%-58s %10.0f /s%n", "trivial endpoint /actuator/health/liveness (one node)", trivial(node1, clients, seconds)[0]);
            System.out.printf("%-58s %10.0f /s%n", "hot-row UPDATE stock = stock - 1 WHERE stock > 0", hotRow(jdbc, clients, seconds));
            return;
        }
        int memberCount = units + units / 2;
        List<Member> members = signIn(jdbc, node1, node2, memberCount, clients);
        // warm-up sales until node 1's JIT compiler settles: a fresh JVM spends up to a third of the sale compiling
        // (measured with async-profiler), which a node that has served for hours does not
        SaleFigures warmUp = sell(jdbc, members, List.of(node1), clients, units);
        for (int round = 2; round <= MAX_WARM_UPS && warmUp.node1JitShare() > SETTLED_JIT_SHARE; round++) {
            System.out.printf("warm-up sale %d: node 1 spent %.0f %% of its CPU compiling; another%n", round - 1, 100 * warmUp.node1JitShare());
            warmUp = sell(jdbc, members, List.of(node1), clients, units);
        }
        trivial(node1, clients, 2);
        double[] trivialFigures = trivial(node1, clients, seconds);
        double trivial = trivialFigures[0];
        double hotRow = hotRow(jdbc, clients, seconds);
        SaleFigures one = sell(jdbc, members, List.of(node1), clients, units);
        SaleFigures two = sell(jdbc, members, List.of(node1, node2), clients, units);
        System.out.printf("%n%-58s %10.0f /s  (node 1 CPU %.2f ms per request, %.0f %% of it compiling)%n", "trivial endpoint /actuator/health/liveness (one node)",
                trivial, trivialFigures[1], 100 * trivialFigures[2]);
        System.out.printf("%-58s %10.0f /s%n", "hot-row UPDATE stock = stock - 1 WHERE stock > 0", hotRow);
        System.out.printf("%n%-24s %11s %9s %10s %7s %9s %7s %9s %10s %12s %6s%n", "sale", "attempts/s", "units/s", "ordered/s", "202", "409 sold",
                "other", "oversold", "ordered in", "node 1 ms/att", "JIT");
        for (var row : List.of(new Object[] {"warm-up (not a figure)", warmUp}, new Object[] {"one node", one}, new Object[] {"two nodes", two})) {
            SaleFigures f = (SaleFigures) row[1];
            System.out.printf("%-24s %11.0f %9.0f %10.0f %7d %9d %7d %9d %9.2fs %12.2f %5.0f%%%n", row[0], f.attemptsPerSecond(), f.unitsPerSecond(),
                    f.orderedPerSecond(), f.accepted(), f.soldOut(), f.other(), f.oversold(), f.orderedAfterSeconds(), f.node1CpuPerAttempt(),
                    100 * f.node1JitShare());
        }
        System.out.println();
        System.out.printf("flash buy attempts/s ÷ trivial endpoint:        %.3f (aim >= 0.7)%n", one.attemptsPerSecond() / trivial);
        System.out.printf("units sold durably/s ÷ database hot row:        %.3f (aim >= 5; at most trivial ÷ hot row = %.3f, one unit per attempt)%n",
                one.unitsPerSecond() / hotRow, trivial / hotRow);
        System.out.printf("units ordered/s ÷ database hot row:             %.3f%n", one.orderedPerSecond() / hotRow);
        System.out.printf("two nodes ÷ one node (attempts/s, one machine): %.3f%n", two.attemptsPerSecond() / one.attemptsPerSecond());
        System.out.printf("oversold units: %d%n", one.oversold() + two.oversold() + warmUp.oversold());
    }

    // --- baselines ---

    /** Answers per second and node 1's CPU ms per answer. */
    static double[] trivial(String base, int clients, int seconds) throws Exception {
        double cpuBefore = node1CpuMillis();
        double jitBefore = node1JitMillis();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong answered = new AtomicLong();
        inParallel(clients, clients, c -> {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).build();
            while (System.nanoTime() < deadline) {
                if (send(http, probe).status() == 200) {
                    answered.incrementAndGet();
                }
            }
            return null;
        });
        double cpuSpent = node1CpuMillis() - cpuBefore;
        return new double[] {answered.get() / (double) seconds, cpuSpent / answered.get(), (node1JitMillis() - jitBefore) / cpuSpent};
    }

    /** CPU time (user + system) of node 1 so far, in ms, from /proc; NaN when its pid is not given. */
    static double node1CpuMillis() {
        String pid = System.getenv("NODE1_PID");
        return pid == null || pid.isBlank() ? Double.NaN : cpuMillis(java.nio.file.Path.of("/proc", pid, "stat"));
    }

    /** CPU time so far of node 1's JIT compiler threads (C1 and C2), in ms; NaN when node 1's pid is not given. */
    static double node1JitMillis() {
        String pid = System.getenv("NODE1_PID");
        if (pid == null || pid.isBlank()) {
            return Double.NaN;
        }
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc", pid, "task"))) {
            return tasks.filter(task -> {
                try {
                    return java.nio.file.Files.readString(task.resolve("comm")).contains("CompilerThre");
                } catch (java.io.IOException gone) {
                    return false;
                }
            }).mapToDouble(task -> cpuMillis(task.resolve("stat"))).filter(ms -> !Double.isNaN(ms)).sum();
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }

    private static double cpuMillis(java.nio.file.Path stat) {
        try {
            String text = java.nio.file.Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0; // utime + stime, 100 ticks/s
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** One row, decremented by {@code clients} connections at once (autocommit: each decrement durable on its own). */
    static double hotRow(String jdbc, int clients, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_hot_row");
            s.execute("create table bench_hot_row (id int primary key, stock int not null)");
            s.execute("insert into bench_hot_row values (1, 1000000000)");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong sold = new AtomicLong();
        inParallel(clients, clients, n -> {
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                 PreparedStatement take = c.prepareStatement("update bench_hot_row set stock = stock - 1 where id = 1 and stock > 0")) {
                while (System.nanoTime() < deadline) {
                    sold.addAndGet(take.executeUpdate());
                }
            }
            return null;
        });
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop table bench_hot_row");
        }
        return sold.get() / (double) seconds;
    }

    // --- the flash sale ---

    /** A session of {@code units} (limit 1) proposed, approved and running; every member tries once, spread over {@code nodes}. */
    static SaleFigures sell(String jdbc, List<Member> members, List<String> nodes, int clients, int units) throws Exception {
        Sale sale = propose(jdbc, nodes.get(0), units);
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong soldOut = new AtomicLong();
        AtomicLong other = new AtomicLong();
        double cpuBefore = node1CpuMillis();
        double jitBefore = node1JitMillis();
        long started = System.nanoTime();
        inParallel(clients, clients, c -> {
            for (int i = next.getAndIncrement(); i < members.size(); i = next.getAndIncrement()) {
                Member member = members.get(i);
                String node = nodes.get(i % nodes.size());
                Outcome answer = post(member, node + "/api/me/flash-sales/" + sale.id() + "/buys",
                        "{\"skuId\":" + sale.skuId() + ",\"addressId\":" + member.addressId() + "}", UUID.randomUUID().toString());
                if (answer.status() == 202) {
                    accepted.incrementAndGet();
                } else if (answer.status() == 409 && answer.body().contains("flash.sold-out")) {
                    soldOut.incrementAndGet();
                } else {
                    other.incrementAndGet();
                    if (other.get() <= 3) {
                        System.err.println("unexpected answer " + answer.status() + ": " + answer.body());
                    }
                }
            }
            return null;
        });
        double attemptSeconds = (System.nanoTime() - started) / 1e9;
        double cpuSpent = node1CpuMillis() - cpuBefore;
        double cpuPerAttempt = cpuSpent / members.size() * nodes.size();
        double jitShare = (node1JitMillis() - jitBefore) / cpuSpent;
        // a 202 is answered after its claim committed: every accepted unit is durable by now; the orders follow, read
        // from the database (polling the API would load the node that is writing them)
        long claimed = count(jdbc, "select count(*) from flash_claim where sale_id = ? and status in ('QUEUED', 'ORDERED', 'PAID')", sale.id());
        Instant deadline = Instant.now().plusSeconds(120);
        long waiting;
        while ((waiting = count(jdbc, "select count(*) from flash_claim where sale_id = ? and status = 'QUEUED'", sale.id())) > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        double orderedSeconds = (System.nanoTime() - started) / 1e9;
        Member anyone = members.get(0);
        long remaining = number(get(anyone, nodes.get(0) + "/api/flash-sales/" + sale.id()).body(), "remaining");
        long oversold = Math.max(0, accepted.get() - units) + Math.max(0, claimed - units) + Math.max(0, -remaining) + waiting;
        if (waiting > 0) {
            System.err.println(waiting + " claims still not ordered after 120 s (counted as oversold: granted but not durable)");
        }
        if (claimed != accepted.get()) {
            System.err.println(accepted.get() + " answered 202 but " + claimed + " live claims");
        }
        return new SaleFigures(members.size() / attemptSeconds, accepted.get() / attemptSeconds, accepted.get() / orderedSeconds, accepted.get(),
                soldOut.get(), other.get(), oversold, orderedSeconds, cpuPerAttempt, jitShare);
    }

    static long count(String jdbc, String sql, long saleId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); PreparedStatement query = c.prepareStatement(sql)) {
            query.setLong(1, saleId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Sale propose(String jdbc, String node, int units) throws Exception {
        long sku;
        long retail;
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             PreparedStatement pick = c.prepareStatement("""
                     select s.id, s.retail_fen from sku s join product p on p.id = s.product_id join supplier_staff st on st.supplier_id = p.supplier_id
                     join account a on a.id = st.account_id where a.phone = ? and p.status = 'ON_SALE' order by s.id limit 1""")) {
            pick.setString(1, SUPPLIER_STAFF);
            try (ResultSet rs = pick.executeQuery()) {
                rs.next();
                sku = rs.getLong(1);
                retail = rs.getLong(2);
            }
            try (PreparedStatement stock = c.prepareStatement("update sku set stock = stock + ? where id = ?")) {
                stock.setInt(1, units);
                stock.setLong(2, sku);
                stock.executeUpdate();
            }
        }
        Member staff = passwordSignIn(node, SUPPLIER_STAFF);
        Instant startsAt = Instant.now().plusSeconds(3);
        Outcome proposed = post(staff, node + "/api/supplier/flash-sales", """
                {"title":"压测场次","startsAt":"%s","endsAt":"%s","perMemberLimit":1,"items":[{"skuId":%d,"flashPriceFen":%d,"quantity":%d}]}"""
                .formatted(startsAt, startsAt.plus(Duration.ofHours(1)), sku, retail - 1, units), UUID.randomUUID().toString());
        require(proposed, 201);
        long id = number(proposed.body(), "id");
        require(post(passwordSignIn(node, OPERATOR), node + "/api/admin/flash-sales/" + id + "/approval", "{\"approved\":true}", null), 200);
        while (!get(staff, node + "/api/flash-sales/" + id).body().contains("\"RUNNING\"")) {
            Thread.sleep(50);
        }
        return new Sale(id, sku);
    }

    // --- members ---

    static List<Member> signIn(String jdbc, String node1, String node2, int count, int clients) throws Exception {
        long base = 16_000_000_000L + (System.currentTimeMillis() % 100_000) * 10_000;
        List<long[]> created = new ArrayList<>(); // phone, address
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement account = c.prepareStatement("""
                    insert into account (phone, password_hash, nickname, created_at, updated_at) values (?, 'code-login-only', ?, now(), now()) returning id""");
                 PreparedStatement role = c.prepareStatement("insert into account_role (account_id, role) values (?, 'MEMBER')");
                 PreparedStatement address = c.prepareStatement("""
                         insert into address (account_id, receiver, phone, region, detail, is_default, created_at)
                         values (?, '收货人', ?, '上海市浦东新区', '世纪大道 100 号', true, now()) returning id""")) {
                for (int i = 0; i < count; i++) {
                    String phone = Long.toString(base + i);
                    account.setString(1, phone);
                    account.setString(2, "压测" + i);
                    long id;
                    try (ResultSet rs = account.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    role.setLong(1, id);
                    role.executeUpdate();
                    address.setLong(1, id);
                    address.setString(2, phone);
                    try (ResultSet rs = address.executeQuery()) {
                        rs.next();
                        created.add(new long[] {base + i, rs.getLong(1)});
                    }
                }
            }
            c.commit();
        }
        List<Member> members = inParallel(count, clients, i -> codeSignIn(jdbc, i % 2 == 0 ? node1 : node2, Long.toString(created.get(i)[0]), created.get(i)[1]));
        System.out.printf("%d members signed in with one-time codes%n", members.size());
        return members;
    }

    static Member codeSignIn(String jdbc, String node, String phone, long addressId) throws Exception {
        Member member = anonymous(node, phone, addressId);
        require(post(member, node + "/api/auth/codes", "{\"phone\":\"" + phone + "\",\"purpose\":\"LOGIN\"}", null), 202);
        String code;
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             PreparedStatement sms = c.prepareStatement("select body from sandbox_sms where phone = ? order by id desc limit 1")) {
            sms.setString(1, phone);
            try (ResultSet rs = sms.executeQuery()) {
                rs.next();
                Matcher digits = Pattern.compile("(\\d{6})").matcher(rs.getString(1));
                digits.find();
                code = digits.group(1);
            }
        }
        require(post(member, node + "/api/auth/login/code", "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}", null), 200);
        return member;
    }

    static Member passwordSignIn(String node, String phone) throws Exception {
        Member member = anonymous(node, phone, 0);
        require(post(member, node + "/api/auth/login", "{\"phone\":\"" + phone + "\",\"password\":\"" + DEMO_PASSWORD + "\"}", null), 200);
        return member;
    }

    /** A client with its cookies and the XSRF token (the SPA pattern: cookie from the server, echoed in a header). */
    static Member anonymous(String node, String phone, long addressId) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        send(http, HttpRequest.newBuilder(URI.create(node + "/api/auth/csrf")).build());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                .findFirst().orElseThrow();
        return new Member(phone, addressId, http, xsrf);
    }

    // --- HTTP and JSON, the least that does ---

    static Outcome post(Member member, String url, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", member.xsrf());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(member.http(), request.build());
    }

    static Outcome get(Member member, String url) throws Exception {
        return send(member.http(), HttpRequest.newBuilder(URI.create(url)).build());
    }

    static Outcome send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closed) {
            // a pooled connection the node closed while idle (keep-alive timeout) never carried the request: send it again
            // when that is safe, as any client would (a GET, or a buy with its Idempotency-Key)
            boolean safe = request.method().equals("GET") || request.headers().firstValue("Idempotency-Key").isPresent();
            if (!safe || closed.getMessage() == null || !closed.getMessage().contains("received no bytes")) {
                throw closed;
            }
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return new Outcome(response.statusCode(), response.body());
    }

    static void require(Outcome outcome, int status) {
        if (outcome.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + outcome.status() + ": " + outcome.body());
        }
    }

    static long number(String json, String field) {
        Matcher matcher = Pattern.compile(NUMBER.pattern().formatted(field)).matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    /** {@code count} tasks on {@code threads} threads; their results in task order. */
    static <T> List<T> inParallel(int count, int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
