package com.kinshop.storefront;

import com.kinshop.shop.ShareVisits;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.Fixtures.Staff;
import com.kinshop.support.HttpSession;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import com.kinshop.support.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous product pages are rendered once for many visitors while the database is unchanged (RenderedPageReuse):
 * never stale after a commit, each visitor with a form token of their own, in their language, and never for a member.
 */
@KinshopIT
class AnonymousPageReuseIT {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern STOCK = Pattern.compile("data-testid=\"sheet-stock\"[^>]*>([^<]*)<");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MutableClock clock;
    @Autowired
    ShareVisits visits;

    private Fixtures fixtures;
    private Staff supplier;
    private long product;
    private long sku;

    @BeforeEach
    void productOnSale() {
        fixtures = new Fixtures(port, jdbc);
        supplier = fixtures.supplier("复用页供应商" + System.nanoTime() % 100_000);
        long[] ids = fixtures.onSale(supplier, "复用页商品", 9_900, 50);
        product = ids[0];
        sku = ids[1];
    }

    private double count(String outcome) {
        return meters.get("kinshop.pages").tag("outcome", outcome).counter().count();
    }

    private static String stock(String html) {
        Matcher matcher = STOCK.matcher(html);
        return matcher.find() ? matcher.group(1).strip() : null;
    }

    private static String formToken(String html) {
        Matcher matcher = FORM_TOKEN.matcher(html);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Background timers may commit between two requests: asking a few times in a row, one of them is reused. */
    private List<Response> visitsInARow(int times) {
        List<Response> pages = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            pages.add(new HttpSession(port).get("/p/" + product));
        }
        return pages;
    }

    @Test
    void visitorsShareOneRenderUntilSomethingCommitsAndEachGetsTheirOwnFormToken() {
        double reusedBefore = count("reused");
        List<Response> pages = visitsInARow(5);
        assertThat(count("reused") - reusedBefore).isGreaterThanOrEqualTo(1);
        String first = pages.get(0).body();
        for (Response page : pages) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
            assertThat(page.header("Content-Language")).isEqualTo("zh-CN");
            assertThat(page.header("Cache-Control")).contains("no-store");
            // the same page but for the form token, which is each visitor's own
            assertThat(page.body().replace(formToken(page.body()), "T")).isEqualTo(first.replace(formToken(first), "T"));
        }
        assertThat(pages.stream().map(page -> formToken(page.body())).distinct()).hasSize(pages.size());
        assertThat(stock(first)).isEqualTo("库存 50");

        // a reused page's form works for its visitor: the buy form asks them to sign in (a 403 would mean a foreign token)
        Response buy = null;
        boolean fromAReusedPage = false;
        for (int attempt = 0; attempt < 5 && !fromAReusedPage; attempt++) { // a timer's commit in between: another try
            visitsInARow(1);
            double reused = count("reused");
            buy = new HttpSession(port).postForm("/p/" + product, "/cart/after-sign-in",
                    Map.of("productId", String.valueOf(product), "skuId", String.valueOf(sku), "quantity", "1"));
            fromAReusedPage = count("reused") == reused + 1;
        }
        assertThat(fromAReusedPage).as("the form came from a reused page").isTrue();
        assertThat(buy.status()).as(buy.body()).isEqualTo(302);
        assertThat(buy.header("Location")).contains("/login?reason=cart");

        // a committed change shows on the very next visit: through the API, and straight in the database
        assertThat(supplier.session().post("/api/supplier/skus/" + sku + "/stock", Map.of("delta", -8)).status()).isEqualTo(200);
        assertThat(stock(new HttpSession(port).get("/p/" + product).body())).isEqualTo("库存 42");
        visitsInARow(2);
        jdbc.sql("update sku set stock = 41 where id = ?").param(sku).update();
        assertThat(stock(new HttpSession(port).get("/p/" + product).body())).isEqualTo("库存 41");
    }

    @Test
    void eachLanguageHasItsPageAndMembersAndShareLinksAreNeverServedAnotherVisitorsPage() {
        new HttpSession(port).get("/p/" + product);
        Response english = new HttpSession(port).language("en").get("/p/" + product);
        Response englishAgain = new HttpSession(port).language("en").get("/p/" + product);
        Response chinese = new HttpSession(port).get("/p/" + product);
        assertThat(english.header("Content-Language")).isEqualTo("en");
        assertThat(englishAgain.header("Content-Language")).isEqualTo("en");
        assertThat(englishAgain.body()).contains("50 in stock").doesNotContain("库存 50");
        assertThat(chinese.body()).contains("库存 50");

        Member member = fixtures.member("复用页会员");
        String code = Fixtures.openShop(member, "复用页小店", "r");
        double reused = count("reused");
        double rendered = count("rendered");
        for (int i = 0; i < 3; i++) {
            assertThat(member.session().get("/p/" + product).body()).contains("data-testid=\"share-earning\"");
            assertThat(new HttpSession(port).get("/p/" + product + "?s=" + code).status()).isEqualTo(200);
        }
        assertThat(count("reused")).as("signed-in pages and share links are not candidates").isEqualTo(reused);
        assertThat(count("rendered")).isEqualTo(rendered);
        visits.flush();
        assertThat(jdbc.sql("select count(*) from share_visit where shop_id = (select id from shop where code = ?)").param(code).query(Long.class).single())
                .as("every share-link visit is recorded").isEqualTo(3);
    }

    private String pageWithCookie(String path, String cookie) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** Runs the visit until it was served a kept page (a background commit in between makes it render): its body. */
    private String reusedPage(String path, String cookie) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            pageWithCookie(path, cookie);
            double reused = count("reused");
            String body = pageWithCookie(path, cookie);
            if (count("reused") == reused + 1) {
                return body;
            }
        }
        throw new AssertionError("never reused: " + path + " with " + cookie);
    }

    private static String shopButton(String html) {
        Matcher matcher = Pattern.compile("href=\"([^\"]*)\" data-testid=\"bar-shop\"").matcher(html);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Test
    void theLastShareLinksShopIsPartOfTheKeyAndOtherCookiesAreNot() throws Exception {
        String first = Fixtures.openShop(fixtures.member("复用页店主甲"), "复用甲店", "ra");
        String second = Fixtures.openShop(fixtures.member("复用页店主乙"), "复用乙店", "rb");
        assertThat(shopButton(reusedPage("/p/" + product, "ks_ref=" + first))).isEqualTo("/s/" + first);
        assertThat(shopButton(reusedPage("/p/" + product, "ks_ref=" + second))).isEqualTo("/s/" + second);
        assertThat(shopButton(reusedPage("/p/" + product, "ks_vid=" + java.util.UUID.randomUUID()))).isEqualTo("/");
        assertThat(shopButton(pageWithCookie("/p/" + product, "ks_ref=" + first + "; ks_vid=" + java.util.UUID.randomUUID()))).isEqualTo("/s/" + first);

        // the chosen SKU is part of the URL, so of the key; the home page is kept too
        long[] twoSkus = fixtures.onSale(supplier, "复用页双规格", List.of(Fixtures.sku("大份", 5_000, 2_500, "RATE", 1000, 7),
                Fixtures.sku("小份", 3_000, 1_500, "RATE", 1000, 3)));
        assertThat(stock(reusedPage("/p/" + twoSkus[0] + "?sku=" + twoSkus[1], ""))).isEqualTo("库存 7");
        assertThat(stock(reusedPage("/p/" + twoSkus[0] + "?sku=" + twoSkus[2], ""))).isEqualTo("库存 3");
        assertThat(reusedPage("/", "")).contains("复用页双规格");
    }

    @Test
    void aPageOlderThanItsMaximumAgeIsRenderedAgainEvenIfNothingCommitted() {
        visitsInARow(2);
        double rendered = count("rendered");
        clock.advance(Duration.ofSeconds(3));
        new HttpSession(port).get("/p/" + product);
        assertThat(count("rendered")).isEqualTo(rendered + 1);
    }

    /**
     * Visitors keep opening the page while the supplier changes the stock, then takes the product off sale: every visit
     * that starts after a change has answered shows it (never the page as it was), and every answer is a 200 or the 404.
     */
    @Test
    void concurrentVisitorsNeverSeeAPageOlderThanTheLastAnsweredChange() throws Exception {
        record Visit(long startedNanos, int status, String stock) {
        }
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + port + "/p/" + product);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService visitors = Executors.newFixedThreadPool(6);
        List<Future<List<Visit>>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(visitors.submit(() -> {
                List<Visit> visits = new ArrayList<>();
                while (running.get()) {
                    long started = System.nanoTime();
                    HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
                    visits.add(new Visit(started, page.statusCode(), stock(page.body())));
                }
                return visits;
            }));
        }
        Thread.sleep(300);
        List<long[]> changes = new ArrayList<>(); // [answered at, stock after]
        int expected = 50;
        for (int delta : new int[] {-1, -2, 5, -3}) {
            Thread.sleep(100);
            assertThat(supplier.session().post("/api/supplier/skus/" + sku + "/stock", Map.of("delta", delta)).status()).isEqualTo(200);
            expected += delta;
            changes.add(new long[] {System.nanoTime(), expected});
        }
        Thread.sleep(100);
        assertThat(supplier.session().post("/api/supplier/products/" + product + "/off-sale", Map.of()).status()).isEqualTo(200);
        long offSaleAnswered = System.nanoTime();
        Thread.sleep(300);
        running.set(false);
        List<Visit> visits = new ArrayList<>();
        for (Future<List<Visit>> result : results) {
            visits.addAll(result.get());
        }
        visitors.shutdown();

        assertThat(visits).hasSizeGreaterThan(50);
        for (Visit visit : visits) {
            assertThat(visit.status()).isIn(200, 404);
            if (visit.startedNanos() > offSaleAnswered) {
                assertThat(visit.status()).as("started after the product went off sale").isEqualTo(404);
                continue;
            }
            long[] lastAnswered = null;
            for (long[] change : changes) {
                if (change[0] < visit.startedNanos()) {
                    lastAnswered = change;
                }
            }
            if (lastAnswered != null && visit.status() == 200) {
                int shown = Integer.parseInt(visit.stock().replace("库存 ", ""));
                assertThat(shown).as("a visit started after the stock became %d", lastAnswered[1])
                        .isIn(changes.subList(changes.indexOf(lastAnswered), changes.size()).stream().map(change -> (int) change[1]).toList());
            }
        }
        assertThat(visits.stream().filter(visit -> visit.startedNanos() > offSaleAnswered)).isNotEmpty();
    }
}
