import com.kinshop.KinshopApplication;
import com.kinshop.ledger.AccountType;
import com.kinshop.ledger.Journal;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccount;
import com.kinshop.ledger.LedgerInvariants;
import com.kinshop.ordering.OrderTimers;
import com.kinshop.shared.Money;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two benchmarks of the distribution (commission) engine, each against a baseline measured in the same run. The app
 * runs in this JVM (Spring context booted from the packaged jar's classes, on a throw-away embedded PostgreSQL at a
 * fixed port, web server included), so the benchmark drives the app's own beans and its HTTP API.
 *
 * 1. Settlement. Bulk SQL prepares orders RECEIVED more than the after-sales window ago (4 lines each by default), each
 *    line with two ESTIMATED commissions (level 1 and level 2) and all the ledger state payment would have left: the
 *    payment, order-paid and estimated-commission journals, with balances. Then the real path settles them: the order
 *    timers' sweep ({@code OrderTimers.runDue()}: each order in its own transaction, completed with a guarded update;
 *    {@code Commissions.onCompleted} turns each commission SETTLED and posts estimated → available; {@code OrderBooks}
 *    splits the rest of the escrow into supplier payable and revenue; the tier-promotion listener is queued in the
 *    outbox). Baseline: the same number of plain two-entry journals through the same {@code Ledger.post}, grouped in
 *    transactions the same way (one per order, as many journals as that order's settlement posts), so the ratio is
 *    what settlement costs beyond the double-entry bookkeeping it has to do. Rounds alternate baseline and settlement,
 *    so drift from other work on the machine falls on both. Figures: ledger entries per second (and commissions,
 *    order lines per second). Afterwards: LedgerInvariants, every commission SETTLED with exactly one settle journal,
 *    every order's escrow back at zero.
 *
 * 2. Team figures. Bulk SQL puts 100,000 people in the two levels of demo member 13800000001 (300 level 1, the rest
 *    level 2 under them; 10 % with a completed order, so sales are non-zero) and gives demo member 13800000002 a team of
 *    10. Both sign in over HTTP; GET /api/me/team and GET /api/me/earnings are timed, one request at a time,
 *    interleaved, for the big team and the small one (the baseline: the same request, code and payload shape, so the
 *    ratio is what the team's size costs). GET /api/me/referral of the big-team member is shown for scale (a request
 *    with the same sign-in and session cost and a trivial query). The plan of the team query for the big team is
 *    written to target/bench-team-plan.txt.
 *
 * Usage (bench/run-distribution.sh sets the class path from the extracted jar):
 *   java -cp 'APP.jar:lib/*' bench/DistributionBench.java [--lines=100000] [--lines-per-order=4] [--rounds=4]
 *        [--team=100000] [--team-level1=300] [--requests=200] [--app-port=18182] [--pg-port=15482] [--skip-settlement] [--skip-team]
 *        [--drop-index=NAME (A/B of an index)] [--hold=SECONDS (keep the app and database up at the end, for psql)]
 */
public class DistributionBench {

    static final String BENCH_PASSWORD_OF = "13800000001"; // bulk-made members get this demo member's password hash (kinshop123)
    static DataSource db;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            o.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int appPort = Integer.parseInt(o.getOrDefault("app-port", "18182"));
        int pgPort = Integer.parseInt(o.getOrDefault("pg-port", "15482"));
        long started = System.nanoTime();
        SpringApplication application = new SpringApplication(KinshopApplication.class);
        application.addInitializers(Traffic::install);
        ConfigurableApplicationContext app = application.run(
                "--server.port=" + appPort, "--kinshop.embedded-db.ephemeral=true", "--kinshop.embedded-db.port=" + pgPort,
                "--kinshop.media.dir=target/bench-media", "--kinshop.orders.timer-interval=1h", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off", "--logging.level.org.springframework.core.events=ERROR", "--kinshop.identity.rate-limit.login-per-ip=100000");
        try {
            db = app.getBean(DataSource.class);
            String dataDir = one("show data_directory");
            Files.writeString(Path.of("target/bench-distribution-pg.txt"), dataDir + "\n");
            System.out.printf("Kinshop distribution benchmarks: app in this JVM on port %d, embedded PostgreSQL %s on port %d (%s), started in %.0f s%n",
                    appPort, one("show server_version"), pgPort, one("select 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')"),
                    (System.nanoTime() - started) / 1e9);
            System.out.printf("Machine: %d cores, load average %.1f at start (other work on the machine makes absolute figures noisy; the ratios less so)%n%n",
                    Runtime.getRuntime().availableProcessors(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            long quiet = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (count("select count(*) from sandbox_delivery where delivered_at is null") > 0 && System.nanoTime() < quiet) {
                Thread.sleep(200); // the demo's own payment callbacks post to the ledger: let them land first
            }
            waitForOutbox();
            String dropIndex = o.get("drop-index"); // A/B: what an index is worth, e.g. --drop-index=order_line_by_shop_code
            if (dropIndex != null && dropIndex.matches("[a-z0-9_]+")) {
                exec("drop index " + dropIndex);
                System.out.printf("Index %s dropped for this run%n%n", dropIndex);
            }
            boolean ok = true;
            if (!o.containsKey("skip-settlement")) {
                ok &= settlement(app, Integer.parseInt(o.getOrDefault("lines", "100000")), Integer.parseInt(o.getOrDefault("lines-per-order", "4")),
                        Integer.parseInt(o.getOrDefault("rounds", "4")));
            }
            if (!o.containsKey("skip-team")) {
                ok &= team("http://localhost:" + appPort, Integer.parseInt(o.getOrDefault("team", "100000")),
                        Integer.parseInt(o.getOrDefault("team-level1", "300")), Integer.parseInt(o.getOrDefault("requests", "200")));
            }
            if (o.containsKey("hold")) { // keep the app and its database up for a look with psql (port as above)
                System.out.printf("holding for %s s%n", o.get("hold"));
                Thread.sleep(Long.parseLong(o.get("hold")) * 1000);
            }
            if (!ok) {
                System.out.println("FAILED: see above");
                System.exit(1);
            }
        } finally {
            app.close();
        }
    }

    // ================================================================ 1. settlement

    static final long PRICE = 10_000, BUDGET = 1_000, SUPPLY = 6_000, LEVEL1 = 600, LEVEL2 = 200; // fen per line
    static final int UPLINES = 20, REFERRERS = 400, BUYERS = 5_000;

    static boolean settlement(ConfigurableApplicationContext app, int lines, int linesPerOrder, int rounds) throws Exception {
        OrderTimers timers = app.getBean(OrderTimers.class);
        Ledger ledger = app.getBean(Ledger.class);
        TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
        int orders = lines / linesPerOrder;
        int warmupOrders = Math.min(500, orders / 10);
        System.out.printf("== 1. Commission settlement: %,d order lines (%,d orders × %d lines, 2 commissions per line), %d rounds, after a warm-up of %d more orders ==%n",
                orders * linesPerOrder, orders, linesPerOrder, rounds, warmupOrders);
        long t = System.nanoTime();
        List<Long> ids = prepareSettlement(orders + warmupOrders, linesPerOrder);
        System.out.printf("Setup (bulk SQL, not measured): %,d orders RECEIVED, %,d lines, %,d ESTIMATED commissions, ledger consistent (%.1f s)%n",
                ids.size(), ids.size() * linesPerOrder, ids.size() * linesPerOrder * 2, (System.nanoTime() - t) / 1e9);
        LedgerInvariants.Report before = app.getBean(LedgerInvariants.class).check();
        System.out.printf("Ledger after setup: %s, problems %s%n", before.healthy() ? "healthy" : "NOT HEALTHY", before.problems().stream().limit(5).toList());
        int journalsPerOrder = 2 * linesPerOrder + 1; // what one order's settlement posts: a journal per commission, one escrow split

        // warm-up: both paths, not counted
        List<Long> warm = ids.subList(0, warmupOrders);
        settleRound(timers, warm);
        baselineRound(ledger, transactions, warm.size(), journalsPerOrder, -1);
        List<Long> measured = ids.subList(warmupOrders, ids.size());
        Traffic.bySql.clear();
        Traffic.microsBySql.clear();

        Map<String, long[]> scansBefore = scans();
        Phase settle = new Phase(), settleDrained = new Phase(), base = new Phase();
        int per = (measured.size() + rounds - 1) / rounds;
        for (int r = 0; r < rounds; r++) {
            List<Long> chunk = measured.subList(r * per, Math.min(measured.size(), (r + 1) * per));
            if (chunk.isEmpty()) {
                break;
            }
            Phase[] s = null;
            Phase b;
            if (r % 2 == 0) {
                b = baselineRound(ledger, transactions, chunk.size(), journalsPerOrder, r);
                s = settleRound(timers, chunk);
            } else {
                s = settleRound(timers, chunk);
                b = baselineRound(ledger, transactions, chunk.size(), journalsPerOrder, r);
            }
            System.out.printf("  round %d: %,d orders: settlement %,.0f entries/s (%,.0f with the outbox drained), baseline %,.0f entries/s%n", r + 1,
                    chunk.size(), s[0].entriesPerSecond(), s[1].entriesPerSecond(), b.entriesPerSecond());
            settle.add(s[0]);
            settleDrained.add(s[1]);
            base.add(b);
        }
        System.out.println();
        System.out.printf("%-62s %10s %10s %12s %12s %8s%n", "", "entries", "seconds", "entries/s", "commissions/s", "ratio");
        System.out.printf("%-62s %,10d %10.1f %,12.0f %12s %8.3f%n", "baseline: plain 2-entry journals via Ledger.post, " + journalsPerOrder + " per tx",
                base.entries, base.seconds, base.entriesPerSecond(), "", 1.0);
        System.out.printf("%-62s %,10d %10.1f %,12.0f %,12.0f %8.3f%n", "settlement: OrderTimers.runDue() completing the orders", settle.entries,
                settle.seconds, settle.entriesPerSecond(), settle.commissions / settle.seconds, settle.entriesPerSecond() / base.entriesPerSecond());
        System.out.printf("%-62s %,10d %10.1f %,12.0f %,12.0f %8.3f%n", "  … until the outbox (tier promotion listener) has drained",
                settleDrained.entries, settleDrained.seconds, settleDrained.entriesPerSecond(), settleDrained.commissions / settleDrained.seconds,
                settleDrained.entriesPerSecond() / base.entriesPerSecond());
        System.out.printf("settlement: %,.0f order lines/s, %,.0f orders/s, %.2f ms per order (%d journals, %d entries each)%n",
                settle.orders * linesPerOrder / settle.seconds, settle.orders / settle.seconds, settle.seconds * 1000 / settle.orders,
                journalsPerOrder, settle.entries / Math.max(1, settle.orders));
        System.out.printf("per order: settlement %.1f statements and %.2f commits in its transaction, then %.1f statements and %.2f commits in listeners;"
                        + " baseline %.1f statements and %.2f commits%n", settle.traffic[0] / (double) settle.orders, settle.traffic[1] / (double) settle.orders,
                settle.traffic[2] / (double) settle.orders, settle.traffic[3] / (double) settle.orders, base.traffic[0] / (double) base.orders,
                base.traffic[1] / (double) base.orders);
        System.out.println("statements per order and their time per order (wall, in the app), by text (tx: the order's transaction, async: listeners, base: the baseline):");
        Traffic.bySql.entrySet().stream().sorted(Map.Entry.<String, java.util.concurrent.atomic.LongAdder>comparingByValue(
                        java.util.Comparator.comparingLong(java.util.concurrent.atomic.LongAdder::sum)).reversed())
                .forEach(e -> System.out.printf("  %6.2f  %7.3f ms  %s%n", e.getValue().sum() / (double) settle.orders,
                        Traffic.microsBySql.getOrDefault(e.getKey(), new java.util.concurrent.atomic.LongAdder()).sum() / 1000.0 / settle.orders, e.getKey()));

        Thread.sleep(1500); // backends flush their table statistics about once a second
        Map<String, long[]> scansAfter = scans();
        System.out.print("sequential scans during the rounds (both paths; rows read per settled order):");
        scansAfter.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue()[1] - scansBefore.getOrDefault(e.getKey(), new long[2])[1]))
                .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> System.out.printf(" %s %,.0f", e.getKey(), e.getValue() / (double) settle.orders));
        System.out.println();

        // verification
        boolean ok = true;
        long total = ids.size() * (long) linesPerOrder * 2;
        long settled = count("select count(*) from commission c join orders o on o.id = c.order_id where o.number like 'KB%' and c.status = 'SETTLED'");
        long settleJournals = count("""
                select count(*) from commission c join orders o on o.id = c.order_id
                join ledger_journal j on j.business_key = 'commission-settle:' || c.id where o.number like 'KB%'""");
        long notCompleted = count("select count(*) from orders where number like 'KB%' and status <> 'COMPLETED'");
        long openEscrow = count("""
                select count(*) from ledger_account a join ledger_balance b on b.account_id = a.id join orders o on a.code = 'order:' || o.id || ':escrow'
                where o.number like 'KB%' and b.balance_fen <> 0""");
        LedgerInvariants.Report report = app.getBean(LedgerInvariants.class).check();
        System.out.printf("check: %,d of %,d commissions SETTLED, %,d settle journals (one per commission: %s), %,d orders not COMPLETED, %,d escrows not zero%n",
                settled, total, settleJournals, settleJournals == total ? "yes" : "NO", notCompleted, openEscrow);
        System.out.printf("check: LedgerInvariants %s: %,d journals, %,d entries, total %s, problems %s%n%n", report.healthy() ? "healthy" : "NOT HEALTHY",
                report.journals(), report.entries(), report.total(), report.problems().stream().limit(5).toList());
        ok &= settled == total && settleJournals == total && notCompleted == 0 && openEscrow == 0 && report.healthy();
        return ok;
    }

    static final class Phase {
        long entries, orders, commissions;
        long[] traffic = new long[4]; // statements and commits in the timed thread, then in the others (listeners) until the outbox drained
        double seconds;

        double entriesPerSecond() {
            return entries / seconds;
        }

        void add(Phase p) {
            entries += p.entries;
            orders += p.orders;
            commissions += p.commissions;
            seconds += p.seconds;
            for (int i = 0; i < traffic.length; i++) {
                traffic[i] += p.traffic[i];
            }
        }
    }

    /** Makes the chunk's orders due (received 8 days ago), then times the timers' sweep, and separately until the outbox is empty. */
    static Phase[] settleRound(OrderTimers timers, List<Long> chunk) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement due = c.prepareStatement(
                "update orders set received_at = now() - interval '8 days' where id = any(?)")) {
            due.setArray(1, c.createArrayOf("bigint", chunk.toArray()));
            due.executeUpdate();
        }
        waitForOutbox();
        long entriesBefore = count("select count(*) from ledger_entry");
        long settledBefore = count("select count(*) from commission where status = 'SETTLED'");
        long[] traffic0 = Traffic.now();
        Traffic.recording = Traffic.ALL;
        long t0 = System.nanoTime();
        timers.runDue();
        long t1 = System.nanoTime();
        Traffic.recording = Traffic.LISTENERS;
        long[] traffic1 = Traffic.now();
        waitForOutbox();
        long t2 = System.nanoTime();
        Traffic.recording = Traffic.NONE;
        long[] traffic2 = Traffic.now();
        Phase settle = new Phase();
        settle.traffic = Traffic.between(traffic0, traffic1, traffic2);
        settle.entries = count("select count(*) from ledger_entry") - entriesBefore;
        settle.commissions = count("select count(*) from commission where status = 'SETTLED'") - settledBefore;
        settle.orders = chunk.size();
        settle.seconds = (t1 - t0) / 1e9;
        Phase drained = new Phase();
        drained.add(settle);
        drained.seconds = (t2 - t0) / 1e9;
        return new Phase[] {settle, drained};
    }

    /** Plain two-entry journals between bench accounts, one transaction per "order", through the app's Ledger. */
    static Phase baselineRound(Ledger ledger, TransactionTemplate transactions, int orders, int journalsPerOrder, int round) throws Exception {
        long entriesBefore = count("select count(*) from ledger_entry");
        long[] traffic0 = Traffic.now();
        Traffic.phase = "base ";
        Traffic.recording = Traffic.ALL;
        long t0 = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            int order = i;
            transactions.executeWithoutResult(status -> {
                for (int j = 0; j < journalsPerOrder; j++) {
                    int account = (order * journalsPerOrder + j) % REFERRERS;
                    ledger.post(Journal.builder("bench-plain:" + round + ":" + order + ":" + j, "BENCH_PLAIN", "基准：普通两分录凭证")
                            .move(Money.fen(j == journalsPerOrder - 1 ? 36_800 : LEVEL1), LedgerAccount.of("bench:" + account + ":from", AccountType.LIABILITY),
                                    LedgerAccount.of("bench:" + account + ":to", AccountType.LIABILITY))
                            .build());
                }
            });
        }
        Phase p = new Phase();
        p.seconds = (System.nanoTime() - t0) / 1e9;
        Traffic.recording = Traffic.NONE;
        Traffic.phase = "";
        long[] traffic1 = Traffic.now();
        p.traffic = Traffic.between(traffic0, traffic1, traffic1);
        p.entries = count("select count(*) from ledger_entry") - entriesBefore;
        p.orders = orders;
        return p;
    }

    /** Sequential scans and the rows they read, per table of the app's database. */
    static Map<String, long[]> scans() throws SQLException {
        Map<String, long[]> scans = new HashMap<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("select relname, seq_scan, seq_tup_read from pg_stat_user_tables")) {
            while (rs.next()) {
                scans.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return scans;
    }

    static void waitForOutbox() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (count("select count(*) from event_publication where completion_date is null") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbox did not drain in 30 minutes");
            }
            Thread.sleep(20);
        }
    }

    /**
     * Orders RECEIVED a day ago (not yet due), with lines bought through the level-1 referrer's shop, ESTIMATED
     * commissions, and the journals payment left (payment, order paid into escrow, estimated commission out of escrow).
     * One transaction, triggers and foreign-key checks off (session_replication_role = replica): the data is consistent
     * by construction, and the ledger is proven with LedgerInvariants at the end.
     */
    static List<Long> prepareSettlement(int orders, int linesPerOrder) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            exec(c, "set local session_replication_role = replica");
            exec(c, "set local work_mem = '64MB'");
            long supplier = queryLong(c, "select p.supplier_id from sku s join product p on p.id = s.product_id where p.status = 'ON_SALE' order by s.id limit 1");
            long sku = queryLong(c, "select s.id from sku s join product p on p.id = s.product_id where p.status = 'ON_SALE' order by s.id limit 1");
            // members: level-2 uplines, level-1 referrers (each with a shop), buyers bound to the referrers
            exec(c, """
                    insert into account (phone, password_hash, nickname, created_at, updated_at)
                    select '169' || g.kind || lpad(g.k::text, 7, '0'), 'x', case g.kind when 0 then '结算上级' when 1 then '结算店主' else '结算买家' end || g.k,
                           now() - interval '90 days', now() - interval '90 days'
                    from (select 0 as kind, k from generate_series(0, ? - 1) k union all select 1, k from generate_series(0, ? - 1) k
                          union all select 2, k from generate_series(0, ? - 1) k) g""", UPLINES, REFERRERS, BUYERS);
            exec(c, "insert into account_role (account_id, role) select id, 'MEMBER' from account where phone like '169%'");
            exec(c, "create temp table b_member on commit drop as select substr(phone, 4, 1)::int as kind, substr(phone, 5)::int as k, id from account where phone like '169%'");
            exec(c, "create index on b_member (kind, k)");
            exec(c, "insert into shop (owner_account_id, code, name, created_at) select id, 'bs' || k, '结算小店' || k, now() - interval '90 days' from b_member where kind = 1");
            exec(c, """
                    insert into referral_binding (member_id, referrer_id, source, shop_code, bound_at)
                    select m.id, r.id, 'INVITE_CODE', null, now() - interval '80 days' from b_member m join b_member r on r.kind = 0 and r.k = m.k % ? where m.kind = 1""",
                    UPLINES);
            exec(c, """
                    insert into referral_binding (member_id, referrer_id, source, shop_code, bound_at)
                    select m.id, r.id, 'SHARE_LINK', 'bs' || r.k, now() - interval '60 days' from b_member m join b_member r on r.kind = 1 and r.k = m.k % ? where m.kind = 2""",
                    REFERRERS);
            linkLevel2(c);
            // orders, one checkout each
            exec(c, """
                    insert into checkout (number, buyer_id, payable_fen, created_at)
                    select 'CB' || lpad(n::text, 12, '0'), b.id, ?, now() - interval '20 days'
                    from generate_series(0, ? - 1) n join b_member b on b.kind = 2 and b.k = n % ? order by n""", PRICE * linesPerOrder, orders, BUYERS);
            exec(c, """
                    insert into orders (number, checkout_id, buyer_id, supplier_id, status, goods_fen, shipping_fen, total_fen, receiver, phone, address, created_at,
                                        pay_deadline, payment_number, paid_at, carrier, tracking_number, shipped_at, receive_deadline, received_at)
                    select 'KB' || substr(c.number, 3), c.id, c.buyer_id, ?, 'RECEIVED', c.payable_fen, 0, c.payable_fen, '结算买家', '16920000000', '上海市浦东新区结算路 1 号',
                           c.created_at, c.created_at + interval '30 minutes', 'PB' || substr(c.number, 3), c.created_at + interval '1 minute', '顺丰',
                           'SF' || substr(c.number, 3), c.created_at + interval '1 day', c.created_at + interval '11 days', now() - interval '1 day'
                    from checkout c where c.number like 'CB%' order by c.id""", supplier);
            exec(c, """
                    insert into order_line (order_id, sku_id, product_id, product_name, spec, unit_price_fen, quantity, paid_fen, commission_budget_fen,
                                            shop_code, supply_price_fen)
                    select o.id, s.id, s.product_id, left(p.name, 60), s.spec, ?, 1, ?, ?, rb.shop_code, ?
                    from orders o cross join generate_series(1, ?) n join sku s on s.id = ? join product p on p.id = s.product_id
                    join referral_binding rb on rb.member_id = o.buyer_id
                    where o.number like 'KB%' order by o.id, n""", PRICE, PRICE, BUDGET, SUPPLY, linesPerOrder, sku);
            exec(c, """
                    insert into commission (order_id, order_line_id, beneficiary_id, buyer_id, level, tier_code, rate_bp, base_fen, amount_fen, status, created_at)
                    select o.id, l.id, case lv when 1 then b1.referrer_id else b2.referrer_id end, o.buyer_id, lv, 'MEMBER', case lv when 1 then 6000 else 2000 end,
                           l.commission_budget_fen, case lv when 1 then ? else ? end, 'ESTIMATED', o.paid_at
                    from orders o join order_line l on l.order_id = o.id cross join generate_series(1, 2) lv
                    join referral_binding b1 on b1.member_id = o.buyer_id join referral_binding b2 on b2.member_id = b1.referrer_id
                    where o.number like 'KB%' order by o.id, l.id, lv""", LEVEL1, LEVEL2);
            // the ledger as payment left it
            exec(c, """
                    insert into ledger_account (code, type, may_go_negative, created_at)
                    values ('platform:clearing', 'CLEARING', true, now()), ('provider:sandbox:funds', 'ASSET', true, now()) on conflict (code) do nothing""");
            exec(c, "insert into ledger_account (code, type, may_go_negative, created_at) select 'order:' || id || ':escrow', 'CLEARING', true, now() from orders where number like 'KB%'");
            exec(c, """
                    insert into ledger_account (code, type, may_go_negative, created_at)
                    select 'member:' || id || ':commission:estimated', 'LIABILITY', true, now() from b_member where kind in (0, 1)""");
            exec(c, """
                    create temp table b_move on commit drop as
                    select 'payment:' || o.payment_number as key, 'PAYMENT' as kind, '收款 ' || o.payment_number as description, o.paid_at as at,
                           o.goods_fen as amount, 'platform:clearing' as credit, 'provider:sandbox:funds' as debit, o.id as sort1, 0 as sort2
                    from orders o where o.number like 'KB%'
                    union all
                    select 'order-paid:' || o.id, 'ORDER_PAID', '订单 ' || o.number || ' 已支付，款项进入担保', o.paid_at, o.goods_fen,
                           'order:' || o.id || ':escrow', 'platform:clearing', o.id, 1
                    from orders o where o.number like 'KB%'
                    union all
                    select 'commission:' || c.order_line_id || ':' || c.beneficiary_id || ':' || c.level, 'COMMISSION_ESTIMATED',
                           '预估佣金：订单 ' || o.number || ' ' || c.level || ' 级', c.created_at, c.amount_fen,
                           'member:' || c.beneficiary_id || ':commission:estimated', 'order:' || o.id || ':escrow', o.id, 1 + c.id
                    from commission c join orders o on o.id = c.order_id where o.number like 'KB%'""");
            exec(c, "insert into ledger_journal (business_key, kind, description, posted_at) select key, kind, description, at from b_move order by sort1, sort2");
            exec(c, """
                    insert into ledger_entry (journal_id, account_id, amount_fen)
                    select j.id, a.id, e.amount from b_move m join ledger_journal j on j.business_key = m.key
                    cross join lateral (values (m.credit, -m.amount), (m.debit, m.amount)) e(code, amount)
                    join ledger_account a on a.code = e.code order by j.id, e.code""");
            exec(c, """
                    insert into ledger_balance (account_id, balance_fen)
                    select e.account_id, sum(e.amount_fen) from b_move m join ledger_journal j on j.business_key = m.key join ledger_entry e on e.journal_id = j.id
                    group by e.account_id
                    on conflict (account_id) do update set balance_fen = ledger_balance.balance_fen + excluded.balance_fen""");
            c.commit();
        }
        exec("analyze");
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("select id from orders where number like 'KB%' order by id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    // ================================================================ 2. team figures

    static boolean team(String base, int teamSize, int level1, int requests) throws Exception {
        System.out.printf("== 2. Team figures: demo member %s with %,d people in two levels (%d level 1), against a member with a team of 10; %d requests each ==%n",
                BENCH_PASSWORD_OF, teamSize, level1, requests);
        long t = System.nanoTime();
        prepareTeam(teamSize, level1);
        long[] big = teamSizes("13800000001"), small = teamSizes("13800000002");
        System.out.printf("Setup (bulk SQL, not measured, %.1f s): 13800000001 has %,d + %,d = %,d people (level 1 + level 2), 13800000002 has %d + %d = %d;"
                        + " %,d of the big team have a completed order%n", (System.nanoTime() - t) / 1e9, big[0], big[1], big[0] + big[1], small[0], small[1],
                small[0] + small[1], count("select count(*) from orders where number like 'KT%'"));
        Http bigMember = Http.signIn(base, "13800000001"), smallMember = Http.signIn(base, "13800000002");
        String[][] targets = {
                {"GET /api/me/team      team of 10 (baseline)", "small", "/api/me/team"},
                {"GET /api/me/team      team of 100,000", "big", "/api/me/team"},
                {"GET /api/me/earnings  team of 10 (baseline)", "small", "/api/me/earnings"},
                {"GET /api/me/earnings  team of 100,000", "big", "/api/me/earnings"},
                {"GET /api/me/referral  (for scale)", "big", "/api/me/referral"}};
        int teamRows = bigMember.get("/api/me/team").split("\"nickname\"").length - 1;
        System.out.printf("GET /api/me/team returns %d rows for the big team (limit 500), %d for the small one%n", teamRows,
                smallMember.get("/api/me/team").split("\"nickname\"").length - 1);
        int warmup = Math.max(10, requests / 10);
        long[][] micros = new long[targets.length][requests];
        for (int i = -warmup; i < requests; i++) {
            for (int k = 0; k < targets.length; k++) {
                Http who = targets[k][1].equals("big") ? bigMember : smallMember;
                long s = System.nanoTime();
                who.get(targets[k][2]);
                if (i >= 0) {
                    micros[k][i] = (System.nanoTime() - s) / 1000;
                }
            }
        }
        System.out.printf("%n%-46s %10s %10s %10s %10s%n", "one request at a time, interleaved", "p50 ms", "p99 ms", "p50 ratio", "p99 ratio");
        for (int k = 0; k < targets.length; k++) {
            Arrays.sort(micros[k]);
            int baseline = k <= 1 ? 0 : k <= 3 ? 2 : 0;
            System.out.printf("%-46s %10.1f %10.1f %10s %10s%n", targets[k][0], pct(micros[k], 0.5), pct(micros[k], 0.99),
                    k == 4 ? "" : "%.2f".formatted(pct(micros[k], 0.5) / pct(micros[baseline], 0.5)),
                    k == 4 ? "" : "%.2f".formatted(pct(micros[k], 0.99) / pct(micros[baseline], 0.99)));
        }
        explainTeam();
        System.out.println();
        return true;
    }

    /** Builds after V28 keep each binding's level-2 upline (what Referrals.bind does): bulk-made bindings get it the same way. */
    static void linkLevel2(Connection c) throws SQLException {
        if (hasLevel2Column()) {
            exec(c, """
                    update referral_binding b set upline2_id = r.referrer_id, upline2_expires_at = r.expires_at from referral_binding r
                    where r.member_id = b.referrer_id and (b.upline2_id is distinct from r.referrer_id or b.upline2_expires_at is distinct from r.expires_at)""");
        }
    }

    static boolean hasLevel2Column() throws SQLException {
        return count("select count(*) from information_schema.columns where table_name = 'referral_binding' and column_name = 'upline2_id'") > 0;
    }

    static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1000.0;
    }

    static long[] teamSizes(String phone) throws Exception {
        long member = count("select id from account where phone = '" + phone + "'");
        long l1 = count("select count(*) from referral_binding where referrer_id = " + member);
        long l2 = count("select count(*) from referral_binding b join referral_binding r on b.referrer_id = r.member_id where r.referrer_id = " + member);
        return new long[] {l1, l2};
    }

    /**
     * 13800000001 gets level-1 members (bound to them) and level-2 members under those until the two levels hold
     * {@code teamSize} people with the demo team; every tenth has a completed order. 13800000002 gets invitees until
     * their two levels hold 10.
     */
    static void prepareTeam(int teamSize, int level1) throws Exception {
        long root = count("select id from account where phone = '13800000001'");
        long smallRoot = count("select id from account where phone = '13800000002'");
        long[] demoSmall = teamSizes("13800000002");
        long smallMore = Math.max(0, 10 - demoSmall[0] - demoSmall[1]);
        long[] demoBig = teamSizes("13800000001");
        long level2 = teamSize - level1 - (demoBig[0] + demoBig[1] + smallMore);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            exec(c, "set local session_replication_role = replica");
            long supplier = queryLong(c, "select p.supplier_id from sku s join product p on p.id = s.product_id where p.status = 'ON_SALE' order by s.id limit 1");
            exec(c, """
                    insert into account (phone, password_hash, nickname, created_at, updated_at)
                    select '168' || g.kind || lpad(g.k::text, 7, '0'), (select password_hash from account where phone = ?),
                           case g.kind when 0 then '团队一级' when 1 then '团队二级' else '小团队' end || g.k, now() - interval '400 days', now() - interval '400 days'
                    from (select 0 as kind, k from generate_series(0, ? - 1) k union all select 1, k from generate_series(0, ? - 1) k
                          union all select 2, k from generate_series(0, ? - 1) k) g""", BENCH_PASSWORD_OF, level1, level2, smallMore);
            exec(c, "insert into account_role (account_id, role) select id, 'MEMBER' from account where phone like '168%'");
            exec(c, "create temp table t_member on commit drop as select substr(phone, 4, 1)::int as kind, substr(phone, 5)::int as k, id from account where phone like '168%'");
            exec(c, "create index on t_member (kind, k)");
            // bound at times spread over the last year, so the team's order (level, bound_at desc) is a real sort
            exec(c, """
                    insert into referral_binding (member_id, referrer_id, source, bound_at)
                    select id, ?, 'INVITE_CODE', now() - (k * 37 % 360) * interval '1 day' - k * interval '1 second' from t_member where kind = 0""", root);
            exec(c, """
                    insert into referral_binding (member_id, referrer_id, source, bound_at)
                    select m.id, r.id, 'INVITE_CODE', now() - (m.k * 17 % 300) * interval '1 day' - m.k * interval '1 second'
                    from t_member m join t_member r on r.kind = 0 and r.k = m.k % ? where m.kind = 1""", level1);
            exec(c, "insert into referral_binding (member_id, referrer_id, source, bound_at) select id, ?, 'INVITE_CODE', now() - k * interval '1 day' from t_member where kind = 2",
                    smallRoot);
            linkLevel2(c);
            // every tenth member of both teams has one completed order of 100–1,000 yuan
            exec(c, """
                    insert into checkout (number, buyer_id, payable_fen, created_at)
                    select 'CT' || lpad(id::text, 12, '0'), id, 10000 * (1 + k % 10), now() - interval '30 days' from t_member where k % 10 = 0""");
            exec(c, """
                    insert into orders (number, checkout_id, buyer_id, supplier_id, status, goods_fen, shipping_fen, total_fen, receiver, phone, address, created_at,
                                        pay_deadline, payment_number, paid_at, shipped_at, received_at, completed_at)
                    select 'KT' || substr(c.number, 3), c.id, c.buyer_id, ?, 'COMPLETED', c.payable_fen, 0, c.payable_fen, '团队买家', '16800000000', '北京市海淀区团队路 1 号',
                           c.created_at, c.created_at + interval '30 minutes', null, c.created_at, c.created_at + interval '1 day', c.created_at + interval '3 days',
                           c.created_at + interval '10 days'
                    from checkout c where c.number like 'CT%'""", supplier);
            c.commit();
        }
        exec("analyze");
    }

    /**
     * The team page's query, for EXPLAIN ANALYZE of both teams into target/bench-team-plan.txt: Teams.page (builds with
     * V28's level-2 index; keep in step with it) or, for older builds, Earnings.team as it was then.
     */
    static final String TEAM_SQL_V28 = """
            select member_id, level, bound_at from (
                (select member_id, 1 as level, bound_at from referral_binding
                 where referrer_id = ? and (expires_at is null or expires_at > now())
                 order by bound_at desc, member_id desc limit ?)
                union all
                (select member_id, 2, bound_at from referral_binding
                 where upline2_id = ? and (expires_at is null or expires_at > now()) and (upline2_expires_at is null or upline2_expires_at > now())
                 order by bound_at desc, member_id desc limit ?)) team
            order by level, bound_at desc, member_id desc limit ?""";

    static final String TEAM_SQL = """
            with level1 as (select member_id, bound_at from referral_binding where referrer_id = ? and (expires_at is null or expires_at > now())),
                 level2 as (select member_id, bound_at from referral_binding
                            where referrer_id = any (array(select member_id from level1)) and (expires_at is null or expires_at > now())),
                 team as (select member_id, bound_at, 1 as level from level1 union all select member_id, bound_at, 2 from level2),
                 page as (select member_id, bound_at, level from team order by level, bound_at desc limit ?)
            select p.member_id, a.nickname, p.level, p.bound_at, s.orders, s.sales
            from page p join account a on a.id = p.member_id
            cross join lateral (select count(*) as orders, coalesce(sum(o.goods_fen - o.refunded_fen), 0) as sales from orders o
                                where o.buyer_id = p.member_id and o.status not in ('AWAITING_PAYMENT', 'CANCELLED')) s
            order by p.level, p.bound_at desc""";

    static void explainTeam() throws Exception {
        StringBuilder plans = new StringBuilder();
        for (String phone : List.of("13800000001", "13800000002")) {
            long member = count("select id from account where phone = '" + phone + "'");
            StringBuilder plan = new StringBuilder();
            boolean v28 = hasLevel2Column();
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + (v28 ? TEAM_SQL_V28 : TEAM_SQL))) {
                if (v28) {
                    s.setLong(1, member);
                    s.setInt(2, 500);
                    s.setLong(3, member);
                    s.setInt(4, 500);
                    s.setInt(5, 500);
                } else {
                    s.setLong(1, member);
                    s.setInt(2, 500);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
            plans.append("-- ").append(phone).append('\n').append(plan).append('\n');
            System.out.printf("EXPLAIN ANALYZE of the team query for %s: %s%n", phone,
                    plan.toString().lines().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?"));
        }
        if (hasLevel2Column()) { // the tier check's two team figures (Teams.level2Sales, Teams.buyingInvitees up to MANAGER's 5), as a promotion reads them
            for (String phone : List.of("13800000001", "13800000002")) {
                long member = count("select id from account where phone = '" + phone + "'");
                for (String[] figure : TIER_FIGURES_SQL) {
                    String plan = String.join("\n", explain(figure[1], member));
                    plans.append("-- tier figure ").append(figure[0]).append(' ').append(phone).append('\n').append(plan).append("\n\n");
                    System.out.printf("EXPLAIN ANALYZE of the tier check's %s for %s: %s%n", figure[0], phone,
                            plan.lines().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?"));
                }
            }
        }
        Files.writeString(Path.of("target/bench-team-plan.txt"), plans);
        System.out.println("(plans in target/bench-team-plan.txt)");
    }

    /** Teams.level2Sales (whole, and summed only up to a threshold) and Teams.buyingInvitees (V28 builds; keep in step), over the tiers' 30-day period. */
    static final String[][] TIER_FIGURES_SQL = {
            {"level-2 team sales", """
                    select coalesce(sum(o.goods_fen - o.discount_fen - o.refunded_goods_fen), 0)
                    from referral_binding b join orders o on o.buyer_id = b.member_id
                    where b.upline2_id = ? and (b.expires_at is null or b.expires_at > now())
                      and (b.upline2_expires_at is null or b.upline2_expires_at > now()) and o.status = 'COMPLETED' and o.completed_at >= now() - interval '30 days'"""},
            {"level-2 team sales summed up to MANAGER's ¥10,000 (the tier check after issue 12)", """
                    select running from (
                        select sum(o.goods_fen - o.discount_fen - o.refunded_goods_fen) over newest as running, lead(true) over newest is null as last
                        from referral_binding b join orders o on o.buyer_id = b.member_id
                        where b.upline2_id = ? and (b.expires_at is null or b.expires_at > now())
                          and (b.upline2_expires_at is null or b.upline2_expires_at > now()) and o.status = 'COMPLETED' and o.completed_at >= now() - interval '30 days'
                        window newest as (order by b.bound_at desc, b.member_id desc rows between unbounded preceding and current row)) summed
                    where running >= 1000000 or last
                    limit 1"""},
            {"buying invitees (up to 5)", """
                    select count(*) from (
                        select 1 from referral_binding b
                        where b.referrer_id = ? and (b.expires_at is null or b.expires_at > now())
                          and exists (select 1 from orders o where o.buyer_id = b.member_id and o.status = 'COMPLETED' and o.completed_at >= now() - interval '30 days')
                        limit 5) enough"""}};

    static List<String> explain(String sql, long member) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            s.setLong(1, member);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        return plan;
    }

    // ================================================================ HTTP and SQL helpers

    /**
     * Counts what the app sends to PostgreSQL: statements prepared and commits, by the thread that timed a phase (main)
     * and by the others (the outbox's listeners). The pool's connections come from a driver data source wrapped in a
     * proxy that counts and forwards, so both paths pay the same small toll.
     */
    static final class Traffic {
        static final int NONE = 0, LISTENERS = 1, ALL = 2;
        static final java.util.concurrent.atomic.LongAdder mainStatements = new java.util.concurrent.atomic.LongAdder(),
                mainCommits = new java.util.concurrent.atomic.LongAdder(), otherStatements = new java.util.concurrent.atomic.LongAdder(),
                otherCommits = new java.util.concurrent.atomic.LongAdder();
        static final Map<String, java.util.concurrent.atomic.LongAdder> bySql = new java.util.concurrent.ConcurrentHashMap<>();
        static volatile int recording = NONE;
        static volatile String phase = ""; // "base ": the baseline's statements, to set beside settlement's
        static volatile Thread timed;

        static void install(org.springframework.context.ConfigurableApplicationContext context) {
            timed = Thread.currentThread();
            context.getBeanFactory().addBeanPostProcessor(new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof com.zaxxer.hikari.HikariDataSource hikari && hikari.getJdbcUrl() != null) {
                        hikari.setDataSource(counting(new org.springframework.jdbc.datasource.DriverManagerDataSource(hikari.getJdbcUrl(),
                                hikari.getUsername(), hikari.getPassword())));
                    }
                    return bean;
                }
            });
        }

        static long[] now() {
            return new long[] {mainStatements.sum(), mainCommits.sum(), otherStatements.sum(), otherCommits.sum()};
        }

        /** The timed thread's traffic from a to b, the others' from a to c. */
        static long[] between(long[] a, long[] b, long[] c) {
            return new long[] {b[0] - a[0], b[1] - a[1], c[2] - a[2], c[3] - a[3]};
        }

        static DataSource counting(DataSource target) {
            return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof Connection c ? counting(c) : result;
                    });
        }

        static Connection counting(Connection target) {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        boolean main = Thread.currentThread() == timed;
                        switch (method.getName()) {
                            case "prepareStatement", "prepareCall", "createStatement" -> {
                                (main ? mainStatements : otherStatements).increment();
                                if (recording == ALL || recording == LISTENERS && !main) {
                                    String sql = normalized(args != null && args.length > 0 && args[0] instanceof String text ? text : "(statement)");
                                    bySql.computeIfAbsent(phase + (main ? "tx    " : "async ") + sql, k -> new java.util.concurrent.atomic.LongAdder()).increment();
                                }
                            }
                            case "commit" -> (main ? mainCommits : otherCommits).increment();
                            default -> { }
                        }
                        Object result = invoke(target, method, args);
                        return recording != NONE && result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql
                                ? timing(statement, phase + (main ? "tx    " : "async ") + normalized(sql)) : result;
                    });
        }

        static final Map<String, java.util.concurrent.atomic.LongAdder> microsBySql = new java.util.concurrent.ConcurrentHashMap<>();

        static String normalized(String sql) {
            String text = sql.replaceAll("\\s+", " ").strip();
            return text.substring(0, Math.min(110, text.length()));
        }

        /** Times each execution of a statement prepared while a settlement round records (wall time in the app: the round trip and PostgreSQL's work). */
        static PreparedStatement timing(PreparedStatement target, String key) {
            return (PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                    (proxy, method, args) -> {
                        if (!method.getName().startsWith("execute")) {
                            return invoke(target, method, args);
                        }
                        long t = System.nanoTime();
                        try {
                            return invoke(target, method, args);
                        } finally {
                            microsBySql.computeIfAbsent(key, k -> new java.util.concurrent.atomic.LongAdder()).add((System.nanoTime() - t) / 1000);
                        }
                    });
        }

        static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    static final class Http {
        final String base;
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();

        Http(String base) {
            this.base = base;
        }

        static Http signIn(String base, String phone) throws Exception {
            Http http = new Http(base);
            http.get("/api/auth/csrf");
            String xsrf = http.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                    .map(java.net.HttpCookie::getValue).orElse("");
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login")).header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\",\"password\":\"kinshop123\"}")));
            return http;
        }

        String get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        String send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + ": HTTP " + response.statusCode()
                        + " " + response.body().substring(0, Math.min(200, response.body().length())));
            }
            return response.body();
        }
    }

    static String one(String sql) throws SQLException {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static long count(String sql) throws SQLException {
        return Long.parseLong(one(sql));
    }

    static void exec(String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute(sql);
        }
    }

    static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        }
    }

    static long queryLong(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
