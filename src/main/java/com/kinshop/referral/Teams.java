package com.kinshop.referral;

import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A member's team at two levels (bindings that hold now), read so that the cost does not grow with the team: level 1
 * by the index on (referrer, bound_at desc), level 2 by the one on (level-2 upline, bound_at desc) whose columns
 * {@link Referrals} keeps exact (with until when the middle binding holds), each read newest first and stopped at the
 * page size, never sorted whole.
 */
@Service
public class Teams {

    /** One person of the team: level 1 bound to the member, level 2 bound to one of those. */
    public record Place(AccountId member, int level, Instant boundAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Teams(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Level 1 first, most recently bound first, at most {@code limit}. */
    public List<Place> page(AccountId member, int limit) {
        return jdbc.sql("""
                        select member_id, level, bound_at from (
                            (select member_id, 1 as level, bound_at from referral_binding
                             where referrer_id = :m and (expires_at is null or expires_at > :now)
                             order by bound_at desc, member_id desc limit :limit)
                            union all
                            (select member_id, 2, bound_at from referral_binding
                             where upline2_id = :m and (expires_at is null or expires_at > :now) and (upline2_expires_at is null or upline2_expires_at > :now)
                             order by bound_at desc, member_id desc limit :limit)) team
                        order by level, bound_at desc, member_id desc limit :limit""")
                .param("m", member.value()).param("now", now()).param("limit", limit)
                .query((rs, n) -> new Place(new AccountId(rs.getLong(1)), rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * How many direct invitees have a completed order since {@code since}, counted only up to {@code atMost}: a tier
     * asks whether a threshold is met, so the scan stops there instead of visiting every invitee.
     */
    public int buyingInvitees(AccountId member, Instant since, int atMost) {
        return jdbc.sql("""
                        select count(*) from (
                            select 1 from referral_binding b
                            where b.referrer_id = :m and (b.expires_at is null or b.expires_at > :now)
                              and exists (select 1 from orders o where o.buyer_id = b.member_id and o.status = :completed and o.completed_at >= :since)
                            limit :atMost) enough""")
                .param("m", member.value()).param("now", now()).param("completed", OrderStatus.COMPLETED.name())
                .param("since", since.atOffset(ZoneOffset.UTC)).param("atMost", atMost)
                .query(Integer.class).single();
    }

    /**
     * Goods sales (net of discounts and refunded goods) of the member's level-2 team's orders completed since
     * {@code since}, summed newest binding first (the level-2 index's order) and only until they reach {@code atLeast}:
     * a tier asks whether a threshold is met, so a big team that meets it is read only as far as that. Below
     * {@code atLeast} the sum is exact; at or above it, it is a floor.
     */
    public Money level2Sales(AccountId member, Instant since, Money atLeast) {
        return Money.fen(jdbc.sql("""
                        select running from (
                            select sum(o.goods_fen - o.discount_fen - o.refunded_goods_fen) over newest as running, lead(true) over newest is null as last
                            from referral_binding b join orders o on o.buyer_id = b.member_id
                            where b.upline2_id = :m and (b.expires_at is null or b.expires_at > :now)
                              and (b.upline2_expires_at is null or b.upline2_expires_at > :now) and o.status = :completed and o.completed_at >= :since
                            window newest as (order by b.bound_at desc, b.member_id desc rows between unbounded preceding and current row)) summed
                        where running >= :atLeast or last
                        limit 1""")
                .param("m", member.value()).param("now", now()).param("completed", OrderStatus.COMPLETED.name())
                .param("since", since.atOffset(ZoneOffset.UTC)).param("atLeast", atLeast.fen())
                .query(Long.class).optional().orElse(0L));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
