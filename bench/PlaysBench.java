import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plays at their contended moment, against the same app's trivial endpoint in the same run (issue 11):
 * <ul>
 *   <li>group buy: a member opens a group and pays, then every other client tries to join at once — all fighting for
 *       the last seats; repeated with a new group until the time is up;</li>
 *   <li>bargain: a member starts a bargain, then every other client helps at once — more helpers than cuts;</li>
 *   <li>the baseline: {@code GET /actuator/health} with as many clients for as long.</li>
 * </ul>
 * Rates are attempts answered per second while the burst runs (refusals are answers: a full group and a finished
 * bargain must say so quickly). After each burst the seats and cuts are checked exact: members = group size, orders
 * of the group = members, price exactly at the floor after exactly the helpers needed.
 * Compiled with OrderLoad.java (its buyers, HTTP client and CPU meter); started by bench/run-plays.sh.
 */
public class PlaysBench {

    static final Pattern ON_SALE = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"[^\"]*\",\"status\":\"ON_SALE\"");

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = OrderLoad.options(args, positional);
        OrderLoad.base = positional.get(0);
        int clients = Integer.parseInt(positional.get(1));
        int seconds = Integer.parseInt(positional.get(2));
        int groupSize = Integer.parseInt(options.getOrDefault("group-size", System.getenv().getOrDefault("GROUP_SIZE", "10")));
        int helpersNeeded = Integer.parseInt(options.getOrDefault("helpers-needed", System.getenv().getOrDefault("HELPERS_NEEDED", "10")));
        OrderLoad.pgPort = Integer.parseInt(options.get("pg-port"));
        OrderLoad.psql = options.getOrDefault("psql", "psql");

        Setup setup = Setup.create(groupSize, helpersNeeded);
        List<OrderLoad.Buyer> members = new ArrayList<>();
        for (int i = 0; i <= clients; i++) {
            members.add(OrderLoad.Buyer.register(i));
        }
        System.out.printf("Plays: %d clients per burst, %d s per play, group of %d, bargain needing %d helps; SKU %d at %d fen (group %d, floor %d)%n%n",
                clients, seconds, groupSize, helpersNeeded, setup.sku, setup.retailFen, setup.groupPriceFen, setup.floorFen);

        Burst trivial = Burst.closedLoop("trivial endpoint GET /actuator/health", members.subList(1, members.size()), seconds);
        Burst joins = new Burst("group joins at the last seats");
        Burst helps = new Burst("bargain helps, more helpers than cuts");
        Burst.closedLoop("warm-up", members.subList(1, members.size()), 3);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int round = 0; System.nanoTime() < end || round < 2; round++) {
            joins.add(groupRound(setup, members, round, groupSize));
        }
        end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int round = 0; System.nanoTime() < end || round < 2; round++) {
            helps.add(bargainRound(setup, members, round, helpersNeeded));
        }

        System.out.printf("%n%-42s %9s %8s %9s %9s %9s %9s %7s%n", "", "answers/s", "ratio", "p50 ms", "p99 ms", "accepted", "refused", "errors");
        for (Burst burst : List.of(trivial, joins, helps)) {
            System.out.printf("%-42s %9.0f %8.3f %9.2f %9.2f %9d %9d %7d%n", burst.name, burst.perSecond(), burst.perSecond() / trivial.perSecond(),
                    burst.percentile(0.5), burst.percentile(0.99), burst.accepted, burst.refused, burst.errors);
        }
        System.out.printf("%nexact: %d groups each with exactly %d members and %d orders; %d bargains each with exactly %d cuts at the floor%n",
                joins.rounds, groupSize, groupSize, helps.rounds, helpersNeeded);
        if (joins.errors + helps.errors > 0) {
            System.exit(1);
        }
    }

    /** One group: a leader opens it and pays, then every other member tries to join at once. */
    static Round groupRound(Setup setup, List<OrderLoad.Buyer> members, int round, int groupSize) throws Exception {
        OrderLoad.Buyer leader = members.get(round % members.size());
        String opened = leader.http.postJson("/api/me/groups", "{\"campaignId\":" + setup.groupCampaign + ",\"skuId\":" + setup.sku
                + ",\"quantity\":1,\"addressId\":" + leader.addressId + "}", null, 201);
        long group = Long.parseLong(OrderLoad.field(opened, "groupId"));
        pay(leader, OrderLoad.field(opened, "checkoutNumber"), opened.replaceAll("(?s).*\"orderNumbers\":\\[\"([^\"]+)\".*", "$1"));
        List<OrderLoad.Buyer> joiners = new ArrayList<>(members);
        joiners.remove(leader);
        Round result = Round.all(joiners, joiner -> joiner.http.postJson("/api/me/groups/" + group + "/joins", "{\"skuId\":" + setup.sku
                + ",\"quantity\":1,\"addressId\":" + joiner.addressId + "}", null, 201));
        long seats = Long.parseLong(OrderLoad.sql("kinshop", "select count(*) from orders where promotion_ref = 'group:" + group + "'"));
        if (result.accepted() != groupSize - 1 || seats != groupSize) {
            throw new IllegalStateException("group " + group + ": " + (result.accepted() + 1) + " members and " + seats + " orders for " + groupSize + " seats");
        }
        return result;
    }

    /** One bargain: a member starts it, then every other member helps at once. */
    static Round bargainRound(Setup setup, List<OrderLoad.Buyer> members, int round, int helpersNeeded) throws Exception {
        OrderLoad.Buyer starter = members.get(round % members.size());
        String started = starter.http.postJson("/api/me/bargains", "{\"campaignId\":" + setup.bargainCampaign + "}", null, 201);
        long bargain = Long.parseLong(OrderLoad.field(started, "bargainId"));
        int alreadyCut = Integer.parseInt(OrderLoad.field(started, "helps"));
        List<OrderLoad.Buyer> helpers = new ArrayList<>(members);
        helpers.remove(starter);
        Round result = Round.all(helpers, helper -> helper.http.postJson("/api/bargains/" + bargain + "/helps", null, null, 201));
        String after = starter.http.get("/api/bargains/" + bargain, 200);
        long price = Long.parseLong(after.replaceAll("(?s).*\"currentPrice\":\\{\"fen\":(\\d+).*", "$1"));
        int cuts = Integer.parseInt(OrderLoad.field(after, "helps"));
        if (alreadyCut + result.accepted() != helpersNeeded || cuts != helpersNeeded || price != setup.floorFen) {
            throw new IllegalStateException("bargain " + bargain + ": " + cuts + " cuts (" + result.accepted() + " accepted helps) at " + price
                    + " fen, expected " + helpersNeeded + " at " + setup.floorFen);
        }
        return result;
    }

    interface Attempt {
        void run(OrderLoad.Buyer member) throws Exception;
    }

    /** One burst: everyone released at once; a refusal is a 4xx answer, anything else an error. */
    record Round(int accepted, int refused, int errors, double seconds, List<Long> latencies) {

        static Round all(List<OrderLoad.Buyer> members, Attempt attempt) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(members.size());
            CountDownLatch ready = new CountDownLatch(members.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> futures = new ArrayList<>();
            for (OrderLoad.Buyer member : members) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    int outcome;
                    try {
                        attempt.run(member);
                        outcome = 0;
                    } catch (IllegalStateException e) {
                        outcome = e.getMessage().matches("(?s).*: HTTP 4\\d\\d .*") ? 1 : 2;
                        if (outcome == 2) {
                            System.err.println(e.getMessage());
                        }
                    }
                    return new long[] {outcome, System.nanoTime() - start};
                }));
            }
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            int accepted = 0, refused = 0, errors = 0;
            List<Long> latencies = new ArrayList<>();
            for (Future<long[]> future : futures) {
                long[] r = future.get();
                latencies.add(r[1]);
                if (r[0] == 0) accepted++; else if (r[0] == 1) refused++; else errors++;
            }
            double took = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            return new Round(accepted, refused, errors, took, latencies);
        }
    }

    static final class Burst {
        final String name;
        final List<Long> latencies = new ArrayList<>();
        long accepted, refused, errors;
        double seconds;
        int rounds;

        Burst(String name) {
            this.name = name;
        }

        void add(Round round) {
            rounds++;
            accepted += round.accepted();
            refused += round.refused();
            errors += round.errors();
            seconds += round.seconds();
            latencies.addAll(round.latencies());
        }

        double perSecond() {
            return (accepted + refused + errors) / seconds;
        }

        double percentile(double p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1e6;
        }

        /** The same clients, each asking again as soon as answered, for {@code seconds}. */
        static Burst closedLoop(String name, List<OrderLoad.Buyer> members, int seconds) throws Exception {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Round round = Round.all(members, member -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    member.http.get("/actuator/health", 200);
                    latencies.add(System.nanoTime() - start);
                }
            });
            Burst burst = new Burst(name);
            burst.latencies.addAll(latencies);
            burst.accepted = latencies.size();
            burst.seconds = round.seconds();
            burst.rounds = 1;
            return burst;
        }
    }

    static OrderLoad.Http signIn(String phone) throws Exception {
        OrderLoad.Http http = new OrderLoad.Http();
        http.get("/api/auth/csrf", 200);
        http.postJson("/api/auth/login", "{\"phone\":\"" + phone + "\",\"password\":\"kinshop123\"}", null, 200);
        return http;
    }

    /** The body of a 201, or null when the app refused the request with a 400 (the caller tries another value). */
    static String tryPost(OrderLoad.Http http, String path, String json) throws Exception {
        try {
            return http.postJson(path, json, null, 201);
        } catch (IllegalStateException e) {
            if (e.getMessage().contains("HTTP 400")) {
                return null;
            }
            throw e;
        }
    }

    /** Pays a checkout on the sandbox cashier and waits until its orders are paid. */
    static void pay(OrderLoad.Buyer buyer, String checkout, String order) throws Exception {
        String started = buyer.http.postJson("/api/me/checkouts/" + checkout + "/payments", null, "pay-" + checkout, 201);
        String cashier = OrderLoad.field(started, "payUrl");
        Matcher csrf = OrderLoad.CSRF_FIELD.matcher(buyer.http.get(cashier, 200));
        if (!csrf.find()) {
            throw new IllegalStateException("no _csrf field on the cashier page");
        }
        buyer.http.postForm(cashier + "/pay", "_csrf=" + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8), 302);
        for (int poll = 0; poll < 600; poll++) {
            Matcher status = OrderLoad.STATUS.matcher(buyer.http.get("/api/me/orders/" + order, 200));
            if (status.find() && status.group(1).equals("PAID")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("order " + order + " not paid within 30 s");
    }

    /** The demo supplier's first product on sale: a group campaign and a bargain campaign on its first SKU, both approved. */
    static final class Setup {
        long sku, product, retailFen, groupPriceFen, floorFen, groupCampaign, bargainCampaign;

        static Setup create(int groupSize, int helpersNeeded) throws Exception {
            Setup setup = new Setup();
            OrderLoad.Http staff = signIn("13900000001");
            String products = staff.get("/api/supplier/products", 200);
            Matcher onSale = ON_SALE.matcher(products);
            if (!onSale.find()) {
                throw new IllegalStateException("the demo supplier has no product on sale");
            }
            setup.product = Long.parseLong(onSale.group(1));
            String detail = staff.get("/api/supplier/products/" + setup.product, 200);
            setup.sku = Long.parseLong(detail.replaceAll("(?s).*\"skus\":\\[\\{\"id\":(\\d+).*", "$1"));
            Matcher price = Pattern.compile("\\{\"id\":" + setup.sku + ",[^}]*?\"(?:retailFen|price)\":(?:\\{\"fen\":)?(\\d+)").matcher(detail);
            if (!price.find()) {
                throw new IllegalStateException("no price for SKU " + setup.sku + " in " + detail);
            }
            setup.retailFen = Long.parseLong(price.group(1));
            staff.postJson("/api/supplier/skus/" + setup.sku + "/stock", "{\"delta\":1000000}", null, 200);
            OrderLoad.Http operator = signIn("13800000000");
            String window = "\"startsAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\",\"endsAt\":\"" + java.time.Instant.now().plusSeconds(86_400) + "\"";
            // the deepest discount the price rule allows among a few: the bench needs a valid campaign, not a particular price
            for (long candidate : new long[] {setup.retailFen * 9 / 10, setup.retailFen * 97 / 100, setup.retailFen - 1}) {
                String created = tryPost(staff, "/api/supplier/group-campaigns", "{\"productId\":" + setup.product + ",\"skus\":[{\"skuId\":" + setup.sku
                        + ",\"groupPriceFen\":" + candidate + "}],\"groupSize\":" + groupSize + ",\"fillWithin\":\"24\"," + window
                        + ",\"perMemberLimit\":99,\"units\":1000000}");
                if (created != null) {
                    setup.groupPriceFen = candidate;
                    setup.groupCampaign = Long.parseLong(OrderLoad.field(created, "id"));
                    break;
                }
            }
            for (long candidate : new long[] {setup.retailFen * 8 / 10, setup.retailFen * 9 / 10, setup.retailFen * 97 / 100, setup.retailFen - helpersNeeded}) {
                String created = tryPost(staff, "/api/supplier/bargain-campaigns", "{\"skuId\":" + setup.sku + ",\"floorPriceFen\":" + candidate
                        + ",\"helpersNeeded\":" + helpersNeeded + ",\"timeLimit\":\"24\"," + window + ",\"units\":10000,\"perMemberLimit\":10}");
                if (created != null) {
                    setup.floorFen = candidate;
                    setup.bargainCampaign = Long.parseLong(OrderLoad.field(created, "id"));
                    break;
                }
            }
            if (setup.groupCampaign == 0 || setup.bargainCampaign == 0) {
                throw new IllegalStateException("the price rule refused every group price or floor tried for SKU " + setup.sku);
            }
            operator.postJson("/api/admin/group-campaigns/" + setup.groupCampaign + "/approval", "{\"approved\":true}", null, 200);
            operator.postJson("/api/admin/bargain-campaigns/" + setup.bargainCampaign + "/approval", "{\"approved\":true}", null, 200);
            return setup;
        }
    }
}
