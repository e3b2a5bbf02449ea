package com.kinshop.referral;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.Money;
import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The level-2 upline kept on each binding (what the team page and the tier check read by index) stays exact while
 * members bind in any order and the operator rebinds at the same moment: after each round every binding's
 * {@code upline2_id} and {@code upline2_expires_at} equal a recount from the bindings, and /api/me/team lists exactly the people a recount by joins
 * finds, at the right level.
 */
@KinshopIT
class TeamLevelsIT extends ApiTest {

    /** Bindings whose stored level-2 upline differs from their referrer's referrer: none, ever. */
    private int drifted() {
        return jdbc.sql("""
                        select count(*) from referral_binding b left join referral_binding r on r.member_id = b.referrer_id
                        where b.upline2_id is distinct from r.referrer_id or b.upline2_expires_at is distinct from r.expires_at""").query(Integer.class).single();
    }

    /** The team by joins over every binding (the read before V28): "level:memberId", level 1 first. */
    private List<String> recount(long member) {
        return jdbc.sql("""
                        select 1 as level, member_id from referral_binding where referrer_id = :m and (expires_at is null or expires_at > now())
                        union all
                        select 2, b.member_id from referral_binding b join referral_binding l1 on b.referrer_id = l1.member_id
                        where l1.referrer_id = :m and (l1.expires_at is null or l1.expires_at > now()) and (b.expires_at is null or b.expires_at > now())
                        order by 1, 2""").param("m", member).query((rs, n) -> rs.getInt(1) + ":" + rs.getLong(2)).list();
    }

    private List<String> teamPage(Member member) {
        Response team = member.session().get("/api/me/team");
        assertThat(team.status()).as(team.body()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        team.json().forEach(m -> listed.add(m.get("level").asInt() + ":" + m.get("id").asLong()));
        return listed.stream().sorted((a, b) -> {
            int byLevel = a.substring(0, 1).compareTo(b.substring(0, 1));
            return byLevel != 0 ? byLevel : Long.compare(Long.parseLong(a.substring(2)), Long.parseLong(b.substring(2)));
        }).toList();
    }

    @Test
    void bindingsInAnyOrderAndRebindsAtTheSameMomentKeepEveryLevelTwoUplineExact() throws Exception {
        assertThat(drifted()).as("demo data and earlier tests").isZero();
        for (int round = 0; round < 3; round++) {
            Member top = fixtures.member("团队顶" + round), other = fixtures.member("另一顶" + round);
            String topShop = Fixtures.openShop(top, "团队顶的小店", "tl");
            Fixtures.openShop(other, "另一顶的小店", "to");
            List<Member> middles = new ArrayList<>();
            List<String> middleShops = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Member middle = fixtures.member("中" + round + "-" + i);
                middles.add(middle);
                middleShops.add(Fixtures.openShop(middle, "中间的小店", "tm"));
            }
            // one buyer bound before their referrer has a referrer: the referrer's own binding must give them their level 2
            Member early = fixtures.member("早" + round);
            Fixtures.bindTo(early, middleShops.get(0));
            List<Member> buyers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                buyers.add(fixtures.member("买" + round + "-" + i));
            }

            Member moved = middles.get(1);
            Fixtures.bindTo(moved, topShop);

            // all at once: the other middles bind to the top, buyers to the middles, the operator moves middle 1 to the other top
            List<Runnable> calls = new ArrayList<>();
            for (Member middle : middles) {
                if (middle != moved) {
                    calls.add(() -> Fixtures.bindTo(middle, topShop));
                }
            }
            for (int i = 0; i < buyers.size(); i++) {
                Member buyer = buyers.get(i);
                String shop = middleShops.get(i % middleShops.size());
                calls.add(() -> Fixtures.bindTo(buyer, shop));
            }
            calls.add(() -> {
                Response rebound = fixtures.operator().post("/api/admin/members/" + moved.id() + "/referrer",
                        Map.of("referrerId", other.id(), "reason", "团队并发测试"));
                assertThat(rebound.status()).as(rebound.body()).isEqualTo(200);
            });
            Collections.shuffle(calls);
            AtomicInteger next = new AtomicInteger();
            Concurrently.all(calls.size(), () -> {
                calls.get(next.getAndIncrement()).run();
                return null;
            });

            assertThat(drifted()).as("round %d", round).isZero();
            assertThat(jdbc.sql("select referrer_id from referral_binding where member_id = ?").param(moved.id()).query(Long.class).single())
                    .isEqualTo(other.id());
            List<String> topTeam = recount(top.id()), otherTeam = recount(other.id());
            assertThat(topTeam).as("3 middles, the early buyer and the 6 buyers under them").hasSize(3 + 1 + 6);
            assertThat(otherTeam).as("the moved middle and its 2 buyers").hasSize(1 + 2);
            assertThat(teamPage(top)).isEqualTo(topTeam);
            assertThat(teamPage(other)).isEqualTo(otherTeam);
        }
    }

    @Autowired
    Teams teams;
    @Autowired
    Clock clock;

    /**
     * The tier check's level-2 sales stop once a threshold is met: below it the figure equals a recount, at or above it
     * the figure is at least the threshold and never more than the whole; orders of level 1, outside the period, or
     * not completed never count.
     */
    @Test
    void levelTwoSalesAreExactBelowAThresholdAndReachItWithoutSummingTheWholeTeam() {
        Member top = fixtures.member("二级销售顶");
        String topShop = Fixtures.openShop(top, "二级销售顶的小店", "ls");
        List<Member> level2 = new ArrayList<>();
        Member firstMiddle = null;
        for (int i = 0; i < 2; i++) {
            Member middle = fixtures.member("二级销售中" + i);
            Fixtures.bindTo(middle, topShop);
            String middleShop = Fixtures.openShop(middle, "二级销售中间的小店", "lm");
            firstMiddle = firstMiddle == null ? middle : firstMiddle;
            for (int k = 0; k < 3; k++) {
                Member buyer = fixtures.member("二级销售买" + i + k);
                Fixtures.bindTo(buyer, middleShop);
                level2.add(buyer);
            }
        }
        Instant now = clock.instant();
        long[] goods = {10_000, 25_000, 40_000, 5_000, 70_000, 15_000};
        for (int i = 0; i < level2.size(); i++) {
            order(level2.get(i), "COMPLETED", goods[i], now.minus(Duration.ofDays(1 + i)));
        }
        order(level2.get(0), "COMPLETED", 900_000, now.minus(Duration.ofDays(45))); // before the period
        order(level2.get(1), "PAID", 800_000, null); // not completed (paid only: no timer moves it meanwhile)
        order(firstMiddle, "COMPLETED", 700_000, now.minus(Duration.ofDays(2))); // level 1, not level 2
        long whole = 10_000 + 25_000 + 40_000 + 5_000 + 70_000 + 15_000;
        Instant since = now.minus(Duration.ofDays(30));
        AccountId member = new AccountId(top.id());

        assertThat(teams.level2Sales(member, since, Money.fen(Long.MAX_VALUE)).fen()).as("below the threshold: the exact sum").isEqualTo(whole);
        assertThat(teams.level2Sales(member, since, Money.fen(whole + 1)).fen()).isEqualTo(whole);
        assertThat(teams.level2Sales(member, since, Money.fen(whole)).fen()).isEqualTo(whole);
        for (long threshold : new long[] {1, 30_000, 100_000}) {
            assertThat(teams.level2Sales(member, since, Money.fen(threshold)).fen()).as("threshold %d", threshold)
                    .isGreaterThanOrEqualTo(threshold).isLessThanOrEqualTo(whole);
        }
        assertThat(teams.level2Sales(member, since, Money.fen(1)).fen()).as("stops at the newest binding's order").isLessThan(whole);
        assertThat(teams.level2Sales(new AccountId(firstMiddle.id()), since, Money.fen(1)).fen()).as("a member without a level-2 team").isZero();
    }

    private void order(Member buyer, String status, long goodsFen, Instant completedAt) {
        long supplier = jdbc.sql("select id from supplier order by id limit 1").query(Long.class).single();
        String number = "LT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        OffsetDateTime created = clock.instant().atOffset(ZoneOffset.UTC).minusDays(50);
        long checkout = jdbc.sql("insert into checkout (number, buyer_id, payable_fen, created_at) values (?, ?, ?, ?) returning id")
                .params("C" + number, buyer.id(), goodsFen, created).query(Long.class).single();
        jdbc.sql("""
                        insert into orders (number, checkout_id, buyer_id, supplier_id, status, goods_fen, shipping_fen, total_fen, receiver, phone, address, created_at,
                                            pay_deadline, paid_at, shipped_at, received_at, completed_at)
                        values (?, ?, ?, ?, ?, ?, 0, ?, '团队买家', '16800000000', '北京市海淀区团队路 1 号', ?, ?, ?, ?, ?, ?)""")
                .params(number, checkout, buyer.id(), supplier, status, goodsFen, goodsFen, created, created.plusMinutes(30), created,
                        completedAt == null ? null : created.plusDays(1), completedAt == null ? null : created.plusDays(3),
                        completedAt == null ? null : completedAt.atOffset(ZoneOffset.UTC))
                .update();
    }
}
