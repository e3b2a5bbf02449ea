import com.kinshop.KinshopApplication;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.credit.CreditRules;
import com.kinshop.credit.CreditRulesAdmin;
import com.kinshop.review.ReviewEvents;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores and credit, each against a baseline measured in the same run. The app runs in this JVM (booted from the
 * packaged jar's classes, throw-away embedded PostgreSQL at a fixed port, demo data on).
 *
 * 1. Search sorted by composite score against the same search sorted by newest. Bulk SQL copies the demo products up to
 *    2,000 sellable products (--products) and puts 100,000 counted reviews on them (--reviews; stars 1–5, each product
 *    its own mix) into the credit counters and the platform total; then saving the default credit rules recomputes every
 *    product's composite score through the module's own code (one statement per supplier). GET /api/catalog/products
 *    (no query, the first 100) is timed over HTTP with sort=COMPOSITE and sort=NEWEST, interleaved one request at a
 *    time. The plans of both searches are written to target/bench-scores-plans.txt.
 * 2. Score recomputation per review event against a plain insert of a review-sized row. The credit listener's counting
 *    method (what runs for each delivered StarsCounted: counted-event key, product counter, supplier day bucket,
 *    platform total, supplier standing from the window's buckets, the product's composite score written to catalog) is
 *    called in a transaction of its own per event; the baseline inserts a row the size of a review (ids, three stars,
 *    200 characters of text, a time) into a scratch table, one transaction each. Rounds alternate both.
 *
 * Usage (bench/run-scores.sh sets the class path): java -cp 'APP.jar:lib/*' bench/ScoresBench.java [--products=2000]
 *      [--reviews=100000] [--requests=300] [--events=2000] [--rounds=3] [--app-port=18183] [--pg-port=15483]
 */
public class ScoresBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            o.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int appPort = Integer.parseInt(o.getOrDefault("app-port", "18183"));
        int pgPort = Integer.parseInt(o.getOrDefault("pg-port", "15483"));
        int products = Integer.parseInt(o.getOrDefault("products", "2000"));
        int reviews = Integer.parseInt(o.getOrDefault("reviews", "100000"));
        int requests = Integer.parseInt(o.getOrDefault("requests", "300"));
        int events = Integer.parseInt(o.getOrDefault("events", "2000"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        long started = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplication(KinshopApplication.class).run(
                "--server.port=" + appPort, "--kinshop.embedded-db.ephemeral=true", "--kinshop.embedded-db.port=" + pgPort,
                "--kinshop.media.dir=target/bench-media", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--logging.level.org.springframework.core.events=ERROR");
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
            Files.writeString(Path.of("target/bench-scores-pg.txt"), jdbc.sql("show data_directory").query(String.class).single() + "\n");
            System.out.printf("Kinshop scores benchmarks: app in this JVM on port %d, embedded PostgreSQL %s, started in %.0f s; %d cores, load %.1f%n%n",
                    appPort, jdbc.sql("show server_version").query(String.class).single(), (System.nanoTime() - started) / 1e9,
                    Runtime.getRuntime().availableProcessors(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

            // 1. data: products up to the target, reviews into the counters, scores through the module's code
            long t0 = System.nanoTime();
            String columns = String.join(", ", jdbc.sql("""
                    select column_name from information_schema.columns where table_name = 'product' and column_name <> 'id'
                    order by ordinal_position""").query(String.class).list());
            long sellable = sellable(jdbc);
            int copy = 0;
            while (sellable < products) {
                copy++;
                String select = columns.replaceFirst("\\bname\\b", "name || ' ·" + copy + "'")
                        .replaceFirst("\\bpublished_at\\b", "published_at - interval '" + copy + " hours'");
                jdbc.sql("insert into product (" + columns + ") select " + select + " from product where status = 'ON_SALE' order by id limit "
                        + (products - sellable)).update();
                sellable = sellable(jdbc);
            }
            jdbc.sql("""
                    insert into credit_product_counter (product_id, supplier_id, review_count, star_sum)
                    select id, supplier_id, r.n, r.n * (2 + (id % 4)) - (r.n * (id % 3)) / 4
                    from (select id, supplier_id, row_number() over (order by id) as k from product where status = 'ON_SALE') p,
                         lateral (select (:reviews / :products) + case when p.k <= :reviews % :products then 1 else 0 end as n) r
                    on conflict (product_id) do update set review_count = excluded.review_count, star_sum = excluded.star_sum""")
                    .param("reviews", reviews).param("products", products).update();
            jdbc.sql("update credit_platform_total set review_count = (select sum(review_count) from credit_product_counter), star_sum = (select sum(star_sum) from credit_product_counter)").update();
            app.getBean(CreditRulesAdmin.class).save(null, CreditRules.DEFAULTS);
            jdbc.sql("analyze product").update();
            System.out.printf("Data: %d sellable products, %d counted reviews in the counters, composite scores recomputed through CreditRulesAdmin.save, in %.1f s%n",
                    sellable(jdbc), jdbc.sql("select sum(review_count) from credit_product_counter").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);
            Files.writeString(Path.of("target/bench-scores-plans.txt"), plan(jdbc, "p.composite_score desc, p.id desc") + "\n\n" + plan(jdbc, "p.published_at desc, p.id desc"));

            HttpClient http = HttpClient.newHttpClient();
            for (int warm = 0; warm < 50; warm++) {
                get(http, appPort, "COMPOSITE");
                get(http, appPort, "NEWEST");
            }
            long[] composite = new long[requests];
            long[] newest = new long[requests];
            for (int i = 0; i < requests; i++) {
                composite[i] = get(http, appPort, "COMPOSITE");
                newest[i] = get(http, appPort, "NEWEST");
            }
            double c = median(composite), n = median(newest);
            System.out.printf("1. GET /api/catalog/products (first 100 of %d): sort=COMPOSITE median %.2f ms (mean %.2f), sort=NEWEST median %.2f ms (mean %.2f) → ratio %.2f (median), %.2f (mean)%n%n",
                    products, c, mean(composite), n, mean(newest), c / n, mean(composite) / mean(newest));

            // 2. per review event: the listener's counting against a plain insert of a review-sized row
            Object counters = app.getBean(Class.forName("com.kinshop.credit.CreditCounters"));
            Method count = counters.getClass().getDeclaredMethod("count", ReviewEvents.StarsCounted.class);
            count.setAccessible(true);
            jdbc.sql("create table bench_review (id bigserial primary key, order_line_id bigint, product_id bigint, supplier_id bigint, product_stars int, logistics_stars int, service_stars int, text varchar(500), created_at timestamptz)").update();
            List<long[]> targets = jdbc.sql("select id, supplier_id from product where status = 'ON_SALE' order by random() limit 200")
                    .query((rs, k) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
            String text = "很好吃，包装完好，物流很快，下次还会再买。".repeat(10).substring(0, 200);
            long[] ids = {-10_000_000L};
            double eventMs = 0, insertMs = 0;
            for (int round = 1; round <= rounds; round++) {
                long s = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    long[] t = targets.get(i % targets.size());
                    long id = --ids[0];
                    var event = new ReviewEvents.StarsCounted(id, id, new ProductId(t[0]), new SupplierId(t[1]), 1 + i % 5, 5, 4, Instant.now());
                    transactions.executeWithoutResult(status -> {
                        try {
                            count.invoke(counters, event);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                double e = (System.nanoTime() - s) / 1e6 / events;
                s = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    long[] t = targets.get(i % targets.size());
                    int stars = 1 + i % 5;
                    transactions.executeWithoutResult(status -> jdbc.sql("insert into bench_review (order_line_id, product_id, supplier_id, product_stars, logistics_stars, service_stars, text, created_at) values (?, ?, ?, ?, 5, 4, ?, now())")
                            .params(t[0], t[0], t[1], stars, text).update());
                }
                double b = (System.nanoTime() - s) / 1e6 / events;
                System.out.printf("2. round %d: per review event %.3f ms, plain insert %.3f ms → ratio %.2f%n", round, e, b, e / b);
                if (round > 1 || rounds == 1) { // the first round warms both up
                    eventMs += e;
                    insertMs += b;
                }
            }
            int counted = rounds == 1 ? 1 : rounds - 1;
            System.out.printf("2. per review event %.3f ms, plain insert %.3f ms → ratio %.2f (rounds after the first)%n", eventMs / counted, insertMs / counted, eventMs / insertMs);
        } finally {
            app.close();
        }
    }

    private static long sellable(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from product p join supplier s on s.id = p.supplier_id where p.status = 'ON_SALE' and s.status = 'APPROVED'")
                .query(Long.class).single();
    }

    private static String plan(JdbcClient jdbc, String orderBy) {
        return "-- order by " + orderBy + "\n" + String.join("\n", jdbc.sql("explain (analyze, buffers) select * from (select p.id, p.name, p.composite_score, p.published_at, "
                + "(select min(retail_fen) from sku where product_id = p.id) as lowest from product p join supplier s on s.id = p.supplier_id "
                + "where p.status = 'ON_SALE' and s.status = 'APPROVED') p order by " + orderBy + " limit 100").query(String.class).list());
    }

    private static long get(HttpClient http, int port, String sort) throws Exception {
        long s = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalog/products?sort=" + sort)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return System.nanoTime() - s;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }
}
