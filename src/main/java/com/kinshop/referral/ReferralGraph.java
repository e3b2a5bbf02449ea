package com.kinshop.referral;

import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.shared.StateNames;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read side of the referral graph for the operator: one member with their referrer and the referrer's referrer, their
 * level-1 and level-2 invitees (bindings that hold now), their binding and the operator rebinds of it. Nothing here
 * changes anything.
 */
@Service
public class ReferralGraph {

    /**
     * A person in the drawing.
     *
     * @param level      relative to the member in the centre: -2 the referrer's referrer, -1 the referrer, 0 the member,
     *                   1 a direct invitee, 2 an invitee's invitee
     * @param paidOrders orders they paid for (refunded ones included; unpaid and cancelled ones not)
     */
    public record Node(long id, String nickname, int level, long paidOrders) {
    }

    /** Referrer → member. */
    public record Edge(long source, long target) {
    }

    /**
     * @param level1Total all direct invitees, drawn or not
     * @param level2Total all invitees of direct invitees, drawn or not
     * @param omitted     invitees left out of the drawing to keep it readable
     */
    public record Graph(long memberId, List<Node> nodes, List<Edge> edges, int level1Total, int level2Total, int omitted) {
    }

    /** The member's binding as stored (also when it has lapsed). */
    public record Binding(long referrerId, String referrerNickname, Referrals.Source source, OffsetDateTime boundAt, OffsetDateTime expiresAt,
                          boolean lapsed) {
    }

    /** One operator rebind; {@code oldReferrer} is null when the member had none. */
    @Schema(name = "ReferrerChange")
    public record Rebind(OffsetDateTime at, Long oldReferrerId, String oldReferrer, long newReferrerId, String newReferrer, String operator,
                         String reason) {
    }

    private final JdbcClient jdbc;
    private final Referrals referrals;
    private final Clock clock;

    ReferralGraph(JdbcClient jdbc, Referrals referrals, Clock clock) {
        this.jdbc = jdbc;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** The member and up to {@code maxInvitees} invitees (level 1 first, newest first), in one consistent snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Graph around(AccountId member, int maxInvitees) {
        OffsetDateTime now = now();
        List<AccountId> uplines = referrals.uplines(member, 2);
        int level1Total = jdbc.sql("select count(*) from referral_binding where referrer_id = ? and (expires_at is null or expires_at > ?)")
                .params(member.value(), now).query(Integer.class).single();
        int level2Total = jdbc.sql("""
                        select count(*) from referral_binding b join referral_binding l1 on b.referrer_id = l1.member_id
                        where l1.referrer_id = ? and (l1.expires_at is null or l1.expires_at > ?) and (b.expires_at is null or b.expires_at > ?)""")
                .params(member.value(), now, now).query(Integer.class).single();
        List<Long> level1 = jdbc.sql("""
                        select member_id from referral_binding where referrer_id = ? and (expires_at is null or expires_at > ?)
                        order by bound_at desc, member_id desc limit ?""")
                .params(member.value(), now, maxInvitees).query(Long.class).list();
        List<long[]> level2 = level1.isEmpty() || level1.size() >= maxInvitees ? List.of() : jdbc.sql("""
                        select member_id, referrer_id from referral_binding where referrer_id in (:parents) and (expires_at is null or expires_at > :now)
                        order by bound_at desc, member_id desc limit :limit""")
                .param("parents", level1).param("now", now).param("limit", maxInvitees - level1.size())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();

        Map<Long, Integer> levels = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        if (uplines.size() > 1) {
            levels.put(uplines.get(1).value(), -2);
            edges.add(new Edge(uplines.get(1).value(), uplines.get(0).value()));
        }
        if (!uplines.isEmpty()) {
            levels.put(uplines.get(0).value(), -1);
            edges.add(new Edge(uplines.get(0).value(), member.value()));
        }
        levels.put(member.value(), 0);
        for (Long invitee : level1) {
            levels.putIfAbsent(invitee, 1);
            edges.add(new Edge(member.value(), invitee));
        }
        for (long[] row : level2) {
            levels.putIfAbsent(row[0], 2);
            edges.add(new Edge(row[1], row[0]));
        }
        Map<Long, Node> people = people(levels);
        List<Node> nodes = levels.keySet().stream().map(people::get).filter(java.util.Objects::nonNull).toList();
        return new Graph(member.value(), nodes, edges, level1Total, level2Total, level1Total + level2Total - level1.size() - level2.size());
    }

    /** Nicknames and paid order counts of these people, each at the level given, in one query. */
    private Map<Long, Node> people(Map<Long, Integer> levels) {
        Map<Long, Node> nodes = new HashMap<>();
        jdbc.sql("""
                        select a.id, a.nickname,
                               (select count(*) from orders o where o.buyer_id = a.id and o.status not in (:unpaid))
                        from account a where a.id in (:ids)""")
                .param("ids", List.copyOf(levels.keySet())).param("unpaid", StateNames.of(OrderStatus.UNPAID))
                .query(rs -> {
                    long id = rs.getLong(1);
                    nodes.put(id, new Node(id, rs.getString(2), levels.get(id), rs.getLong(3)));
                });
        return nodes;
    }

    public Optional<Binding> bindingOf(AccountId member) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                        select b.referrer_id, a.nickname, b.source, b.bound_at, b.expires_at
                        from referral_binding b join account a on a.id = b.referrer_id where b.member_id = ?""")
                .param(member.value())
                .query((rs, n) -> {
                    OffsetDateTime expires = rs.getObject(5, OffsetDateTime.class);
                    return new Binding(rs.getLong(1), rs.getString(2), Referrals.Source.valueOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class),
                            expires, expires != null && !expires.isAfter(now));
                })
                .optional();
    }

    /** Operator rebinds of the member, newest first. */
    public List<Rebind> rebindsOf(AccountId member, int limit) {
        return jdbc.sql("""
                        select r.at, r.old_referrer, o.nickname, r.new_referrer, n.nickname, p.nickname, r.reason
                        from referral_rebind_audit r left join account o on o.id = r.old_referrer join account n on n.id = r.new_referrer
                             join account p on p.id = r.operator_id
                        where r.member_id = ? order by r.id desc limit ?""")
                .params(member.value(), limit)
                .query((rs, n) -> new Rebind(rs.getObject(1, OffsetDateTime.class), (Long) rs.getObject(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
