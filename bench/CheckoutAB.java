import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checkout with the whole pricing pipeline and a coupon, against checkout of the same cart with no promotion, in one
 * run (issue 10: the pipeline should cost ≤ 10%). Half the buyers hold a platform coupon (picked automatically at
 * checkout), half hold none. Windows alternate A B B A A B …, each with only one half ordering, so the app's CPU in a
 * window belongs to one variant. A buyer's iteration: add one unit to the cart, check out (timed), cancel the order
 * (which gives the units and the coupon back, so the next checkout uses it again).
 * Compiled with OrderLoad.java (its buyers, HTTP client and CPU meter); started by bench/run-checkout.sh.
 */
public class CheckoutAB {

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = OrderLoad.options(args, positional);
        OrderLoad.base = positional.get(0);
        int buyersPerVariant = Integer.parseInt(positional.get(1));
        int seconds = Integer.parseInt(positional.get(2));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", System.getenv().getOrDefault("ROUNDS", "3")));
        OrderLoad.pgPort = Integer.parseInt(options.get("pg-port"));
        OrderLoad.psql = options.getOrDefault("psql", "psql");
        long appPid = Long.parseLong(options.getOrDefault("app-pid", "0"));

        long sku = OrderLoad.prepareStock();
        long template = CouponSetup.platformCoupon();
        List<OrderLoad.Buyer> withCoupon = new ArrayList<>();
        List<OrderLoad.Buyer> without = new ArrayList<>();
        for (int i = 0; i < 2 * buyersPerVariant; i++) {
            OrderLoad.Buyer buyer = OrderLoad.Buyer.register(i);
            if (i % 2 == 0) {
                CouponSetup.claim(buyer, template);
                withCoupon.add(buyer);
            } else {
                without.add(buyer);
            }
        }
        long saving = CouponSetup.discountFen(withCoupon.get(0), sku);
        if (saving <= 0 || CouponSetup.discountFen(without.get(0), sku) != 0) {
            throw new IllegalStateException("the coupon half must get a discount and the other half none");
        }
        System.out.printf("Checkout A/B: %d buyers per variant, %d rounds of %d s windows each, %s; SKU %d; coupon saves %d fen%n",
                buyersPerVariant, rounds, seconds, OrderLoad.base, sku, saving);

        OrderLoad.Cpu cpu = new OrderLoad.Cpu(appPid, OrderLoad.postmasterPid());
        Variant coupon = new Variant("with a coupon (full pipeline)", withCoupon);
        Variant plain = new Variant("no promotion (same cart)", without);
        coupon.run(sku, 5, cpu, false); // warm-up, not counted
        plain.run(sku, 5, cpu, false);
        for (int round = 0; round < rounds; round++) { // A B, then B A: neither variant always follows the other
            Variant first = round % 2 == 0 ? coupon : plain;
            first.run(sku, seconds, cpu, true);
            (first == coupon ? plain : coupon).run(sku, seconds, cpu, true);
        }
        System.out.println();
        System.out.printf("%-34s %10s %9s %9s %9s %12s %12s%n", "checkout", "per second", "p50 ms", "p99 ms", "mean ms", "app CPU/it", "PG CPU/it");
        plain.report();
        coupon.report();
        System.out.printf("%nratio with coupon ÷ without: mean latency %.3f, app CPU per iteration %.3f, PG CPU per iteration %.3f, throughput %.3f%n",
                coupon.mean() / plain.mean(), coupon.appPerIteration() / plain.appPerIteration(),
                coupon.pgPerIteration() / plain.pgPerIteration(), coupon.perSecond() / plain.perSecond());
        System.out.println("(an iteration is add to cart + checkout + cancel; only the checkout request is timed)");
    }

    /** One half of the buyers and what its windows measured. */
    static final class Variant {

        final String name;
        final List<OrderLoad.Buyer> buyers;
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        double seconds;
        double app;
        double postgres;
        long iterations;
        long errors;

        Variant(String name, List<OrderLoad.Buyer> buyers) {
            this.name = name;
            this.buyers = buyers;
        }

        void run(long sku, int windowSeconds, OrderLoad.Cpu cpu, boolean counted) throws Exception {
            long end = System.nanoTime() + Duration.ofSeconds(windowSeconds).toNanos();
            if (System.getenv("WINDOW_LOG") != null) { // for matching a profile's samples to the variant they belong to
                System.out.println("window " + (buyers == null ? "" : name) + " " + java.time.Instant.now() + " +" + windowSeconds + "s");
            }
            ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
            OrderLoad.Cpu.Snapshot start = cpu.snapshot();
            long started = System.nanoTime();
            List<Future<long[]>> futures = new ArrayList<>();
            for (OrderLoad.Buyer buyer : buyers) {
                futures.add(pool.submit(() -> loop(buyer, sku, end, counted)));
            }
            long done = 0;
            long failed = 0;
            for (Future<long[]> future : futures) {
                long[] result = future.get();
                done += result[0];
                failed += result[1];
            }
            OrderLoad.Cpu.Usage usage = cpu.usage(start, cpu.snapshot());
            pool.shutdown();
            if (counted) {
                seconds += (System.nanoTime() - started) / 1e9;
                app += usage.app();
                postgres += usage.postgres();
                iterations += done;
                errors += failed;
            }
        }

        private long[] loop(OrderLoad.Buyer buyer, long sku, long end, boolean counted) {
            long done = 0;
            long failed = 0;
            while (System.nanoTime() < end) {
                try {
                    buyer.http.postJson("/api/me/cart/items", "{\"skuId\":" + sku + ",\"quantity\":1}", null, 200);
                    long t0 = System.nanoTime();
                    String placed = buyer.http.postJson("/api/me/checkouts", "{\"addressId\":" + buyer.addressId + "}",
                            "ab-" + OrderLoad.RUN + "-" + buyer.index + "-" + t0, 201);
                    long took = System.nanoTime() - t0;
                    String order = placed.replaceAll("(?s).*\"orders\":\\[\"([^\"]+)\".*", "$1");
                    buyer.http.postJson("/api/me/orders/" + order + "/cancel", null, null, 200);
                    if (counted) {
                        latencies.add(took);
                    }
                    done++;
                } catch (Exception e) {
                    failed++;
                    if (failed == 1) {
                        System.err.println(name + ": " + e.getMessage());
                    }
                }
            }
            return new long[] {done, failed};
        }

        double perSecond() {
            return iterations / seconds;
        }

        double mean() {
            synchronized (latencies) {
                return latencies.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
            }
        }

        double percentile(double p) {
            synchronized (latencies) {
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1e6;
            }
        }

        double appPerIteration() {
            return app * 1000 / Math.max(1, iterations);
        }

        double pgPerIteration() {
            return postgres * 1000 / Math.max(1, iterations);
        }

        void report() {
            System.out.printf("%-34s %10.1f %9.1f %9.1f %9.2f %10.2fms %10.2fms%s%n", name, perSecond(), percentile(0.5), percentile(0.99), mean(),
                    appPerIteration(), pgPerIteration(), errors == 0 ? "" : "   (" + errors + " failed)");
        }
    }

    /** The operator's platform coupon for the A half: ¥1.00 off, no threshold, one per member, valid a week after claiming. */
    static final class CouponSetup {

        static long platformCoupon() throws Exception {
            OrderLoad.Http operator = new OrderLoad.Http();
            operator.get("/api/auth/csrf", 200);
            operator.postJson("/api/auth/login", "{\"phone\":\"13800000000\",\"password\":\"kinshop123\"}", null, 200);
            String created = operator.postJson("/api/admin/coupon-templates", """
                    {"title":"压测立减","kind":"NO_THRESHOLD","amountFen":100,"scope":"PLATFORM","validDays":7,
                     "totalQuantity":1000000,"perMemberLimit":1}""", null, 201);
            return Long.parseLong(OrderLoad.field(created, "id"));
        }

        static void claim(OrderLoad.Buyer buyer, long template) throws Exception {
            buyer.http.postJson("/api/coupons/" + template + "/claims", null, null, 201);
        }

        /** What the automatic pick takes off one unit of the SKU for this buyer (preview changes nothing). */
        static long discountFen(OrderLoad.Buyer buyer, long sku) throws Exception {
            String preview = buyer.http.postJson("/api/me/checkouts/preview", "{\"skuId\":" + sku + ",\"quantity\":1}", null, 200);
            return Long.parseLong(preview.replaceAll("(?s).*?\"discount\":\\{\"fen\":(\\d+).*", "$1"));
        }
    }
}
