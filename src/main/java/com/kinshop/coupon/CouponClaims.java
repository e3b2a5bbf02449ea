package com.kinshop.coupon;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountRegistered;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.kinshop.coupon.CouponTemplates.utc;

/**
 * Members getting coupons: claiming from a template (领券中心), new-member templates granted at registration, and
 * coupons other modules grant (red packets). The limits are the database's: a guarded {@code claimed = claimed + 1
 * where claimed < total_quantity} (whose row lock also serializes one template's claims, so the member's count read
 * after it is exact), and a unique (template, member, n-th claim) slot behind it.
 */
@Service
public class CouponClaims implements CouponGrants {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HeldCoupons held;

    CouponClaims(JdbcClient jdbc, Clock clock, HeldCoupons held) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.held = held;
    }

    /** The member's coupons on one tab of 我的优惠券. */
    @Transactional(readOnly = true)
    public List<HeldCoupon> mine(AccountId member, HeldCoupon.Tab tab) {
        return held.listOf(member, tab, clock.instant());
    }

    /** A template in the 领券中心, with what the member (if signed in) may still do with it. */
    public record Claimable(CouponTemplates.Template template, int heldByMe, boolean soldOut, boolean canClaim) {
    }

    /** Templates members can claim now (active, not new-member only, a window not over), newest first. */
    @Transactional(readOnly = true)
    public List<Claimable> claimable(AccountId member) {
        Instant now = clock.instant();
        List<CouponTemplates.Template> open = jdbc.sql("""
                        select t.*, 0 as used, 0 as cost from coupon_template t
                        where t.status = :active and not t.new_member and (t.valid_until is null or t.valid_until > :now)
                        order by t.id desc limit 100""")
                .param("active", CouponTemplates.ACTIVE).param("now", utc(now))
                .query((rs, n) -> CouponTemplates.template(rs)).list();
        Map<Long, Integer> held = member == null || open.isEmpty() ? Map.of() : jdbc.sql("""
                        select template_id, count(*) from member_coupon where member_id = :member and template_id in (:ids) group by template_id""")
                .param("member", member.value()).param("ids", open.stream().map(CouponTemplates.Template::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return open.stream().map(template -> {
            int mine = held.getOrDefault(template.id(), 0);
            boolean soldOut = template.claimed() >= template.totalQuantity();
            return new Claimable(template, mine, soldOut, member != null && !soldOut && mine < template.perMemberLimit());
        }).toList();
    }

    /** Claims one coupon of the template; refused (nothing changed) when ended, sold out or the member's limit is reached. */
    @Transactional
    public HeldCoupon claim(AccountId member, long templateId) {
        Instant now = clock.instant();
        CouponTemplates.Template template = jdbc.sql("""
                        update coupon_template set claimed = claimed + 1
                        where id = :id and status = :active and not new_member and claimed < total_quantity
                          and (valid_until is null or valid_until > :now)
                        returning *, 0 as used, 0 as cost""")
                .param("id", templateId).param("active", CouponTemplates.ACTIVE).param("now", utc(now))
                .query((rs, n) -> CouponTemplates.template(rs)).optional()
                .orElseThrow(() -> whyNotClaimable(templateId, now));
        long coupon = hold(member, template, now)
                .orElseThrow(() -> BusinessException.conflict("templateId", "coupon.claim.limit-reached", template.perMemberLimit()));
        return new HeldCoupon(jdbc.sql("select * from member_coupon where id = ?").param(coupon).query((rs, n) -> HeldCoupons.coupon(rs)).single(),
                null, null, null, null);
    }

    /** New-member templates are granted once to every account that registers while they are active and not given out. */
    @ApplicationModuleListener
    void on(AccountRegistered registered) {
        Instant now = clock.instant();
        List<Long> ids = jdbc.sql("""
                        select id from coupon_template where new_member and status = :active and (valid_until is null or valid_until > :now) order by id""")
                .param("active", CouponTemplates.ACTIVE).param("now", utc(now)).query(Long.class).list();
        for (long id : ids) {
            boolean given = jdbc.sql("select exists (select 1 from member_coupon where template_id = ? and member_id = ?)")
                    .params(id, registered.accountId().value()).query(Boolean.class).single();
            if (given) {
                continue; // a redelivered event gives nothing twice
            }
            jdbc.sql("""
                            update coupon_template set claimed = claimed + 1 where id = :id and status = :active and claimed < total_quantity
                            returning *, 0 as used, 0 as cost""")
                    .param("id", id).param("active", CouponTemplates.ACTIVE)
                    .query((rs, n) -> CouponTemplates.template(rs)).optional()
                    // none left: the newcomer simply gets none. No slot: a second delivery of this event got there first (the
                    // unique slot refused it, which ends this transaction) — give up all of it, so the counter is not raised twice
                    .ifPresent(template -> hold(registered.accountId(), template, now).orElseThrow(() -> new IllegalStateException(
                            "New-member coupon " + id + " was given to " + registered.accountId() + " meanwhile")));
        }
    }

    @Override
    @Transactional
    public long grant(Grant grant) {
        Instant now = clock.instant();
        if (grant.member() == null || grant.supplier() == null || grant.source() == null || grant.source().isBlank() || grant.source().length() > 60) {
            throw new IllegalArgumentException("A grant names its member, its supplier and its source (1-60 characters): " + grant);
        }
        if (grant.amount() == null || !grant.amount().isPositive()) {
            throw BusinessException.invalid("amount", "coupon.amount.positive");
        }
        if (grant.validUntil() == null || !grant.validUntil().isAfter(now)) {
            throw BusinessException.invalid("validUntil", "coupon.valid-until.past");
        }
        String title = grant.title() == null || grant.title().isBlank() ? "红包" : grant.title().strip();
        return jdbc.sql("""
                        insert into member_coupon (member_id, source, supplier_id, title, kind, amount_fen, threshold_fen, scope, target_id,
                                                   valid_from, valid_until, state, claimed_at)
                        values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?) returning id""")
                .params(grant.member().value(), grant.source(), grant.supplier().value(),
                        title.length() > TemplateForm.MAX_TITLE ? title.substring(0, TemplateForm.MAX_TITLE) : title,
                        CouponKind.NO_THRESHOLD.name(), grant.amount().fen(), CouponScope.SUPPLIER.name(), grant.supplier().value(), utc(now),
                        utc(grant.validUntil()), CouponState.UNUSED.name(), utc(now))
                .query(Long.class).single();
    }

    /**
     * Gives the member the n-th coupon of the template, inside the transaction that counted the claim (whose row lock
     * on the template makes the count exact); empty when the member already holds as many as allowed.
     */
    private java.util.Optional<Long> hold(AccountId member, CouponTemplates.Template template, Instant now) {
        int held = jdbc.sql("select count(*) from member_coupon where template_id = ? and member_id = ?")
                .params(template.id(), member.value()).query(Integer.class).single();
        if (held >= template.perMemberLimit()) {
            return java.util.Optional.empty();
        }
        Instant from = template.validDays() == null ? template.validFrom() : now;
        Instant until = template.validDays() == null ? template.validUntil() : now.plus(Duration.ofDays(template.validDays()));
        CouponTerms terms = template.terms();
        try {
            return java.util.Optional.of(jdbc.sql("""
                            insert into member_coupon (member_id, template_id, claim_no, supplier_id, title, kind, amount_fen, threshold_fen, percent_off,
                                                       cap_fen, scope, target_id, valid_from, valid_until, state, claimed_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(member.value(), template.id(), held + 1, template.issuer() == null ? null : template.issuer().value(), template.title(),
                            terms.kind().name(), fen(terms.amount()), terms.threshold().fen(), terms.percentOff(), fen(terms.cap()),
                            template.scope().name(), template.targetId(), utc(from), utc(until), CouponState.UNUSED.name(), utc(now))
                    .query(Long.class).single());
        } catch (DuplicateKeyException e) {
            return java.util.Optional.empty();
        }
    }

    private BusinessException whyNotClaimable(long templateId, Instant now) {
        return jdbc.sql("select * , 0 as used, 0 as cost from coupon_template where id = ?").param(templateId)
                .query((rs, n) -> CouponTemplates.template(rs)).optional()
                .map(template -> !template.active() || template.newMember() || (template.validUntil() != null && !template.validUntil().isAfter(now))
                        ? BusinessException.conflict("templateId", "coupon.claim.ended")
                        : BusinessException.conflict("templateId", "coupon.claim.sold-out"))
                .orElseGet(() -> BusinessException.notFound("coupon.template.not-found"));
    }

    private static Long fen(Money money) {
        return money == null ? null : money.fen();
    }
}
