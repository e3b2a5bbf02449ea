package com.kinshop.referral;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.Fixtures;
import com.kinshop.support.Fixtures.Member;
import com.kinshop.support.HttpSession.Response;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
}
