package com.kinshop.coupon;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** Reads held coupons as the rules see them ({@link Coupon}) and as the member's list shows them ({@link HeldCoupon}). */
@Component
class HeldCoupons {

    private static final String COLUMNS = """
            id, member_id, title, kind, amount_fen, threshold_fen, percent_off, cap_fen, scope, target_id, supplier_id, valid_from,
            valid_until, state, order_number, discount_fen, used_at, source""";

    private final JdbcClient jdbc;

    HeldCoupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's coupons that could be used now or soon (unused, not expired). */
    List<Coupon> unusedOf(AccountId member, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from member_coupon where member_id = ? and state = ? and valid_until > ? order by valid_until, id")
                .params(member.value(), CouponState.UNUSED.name(), now.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> coupon(rs)).list();
    }

    /** These coupons, whoever holds them (the rules refuse someone else's). */
    List<Coupon> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from member_coupon where id in (:ids)").param("ids", List.copyOf(ids))
                .query((rs, n) -> coupon(rs)).list();
    }

    /** The member's coupons on one tab of 我的优惠券; locked ones (in an order awaiting payment) show with the unused. */
    List<HeldCoupon> listOf(AccountId member, HeldCoupon.Tab tab, Instant now) {
        String which = switch (tab) {
            case UNUSED -> "((state = :unused and valid_until > :now) or state = :locked) order by valid_until, id";
            case USED -> "state = :used order by used_at desc, id desc";
            case EXPIRED -> "state = :unused and valid_until <= :now order by valid_until desc, id desc";
        };
        return jdbc.sql("select " + COLUMNS + " from member_coupon where member_id = :member and " + which + " limit 200")
                .param("member", member.value()).param("now", now.atOffset(java.time.ZoneOffset.UTC))
                .param("unused", CouponState.UNUSED.name()).param("locked", CouponState.LOCKED.name()).param("used", CouponState.USED.name())
                .query((rs, n) -> {
                    Long discount = (Long) rs.getObject("discount_fen");
                    OffsetDateTime usedAt = rs.getObject("used_at", OffsetDateTime.class);
                    return new HeldCoupon(coupon(rs), rs.getString("order_number"), discount == null ? null : Money.fen(discount),
                            usedAt == null ? null : usedAt.toInstant(), rs.getString("source"));
                })
                .list();
    }

    static Coupon coupon(ResultSet rs) throws SQLException {
        CouponKind kind = CouponKind.valueOf(rs.getString("kind"));
        Long amount = (Long) rs.getObject("amount_fen");
        Long cap = (Long) rs.getObject("cap_fen");
        CouponTerms terms = new CouponTerms(kind, amount == null ? null : Money.fen(amount), Money.fen(rs.getLong("threshold_fen")),
                (Integer) rs.getObject("percent_off"), cap == null ? null : Money.fen(cap));
        Long supplier = (Long) rs.getObject("supplier_id");
        return new Coupon(rs.getLong("id"), new AccountId(rs.getLong("member_id")), rs.getString("title"), terms,
                CouponScope.valueOf(rs.getString("scope")), (Long) rs.getObject("target_id"), supplier == null ? null : new SupplierId(supplier),
                rs.getObject("valid_from", OffsetDateTime.class).toInstant(), rs.getObject("valid_until", OffsetDateTime.class).toInstant(),
                CouponState.valueOf(rs.getString("state")));
    }
}
