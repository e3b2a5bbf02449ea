package com.kinshop.referral;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binding (绑定/锁粉): a member gets one referrer — the owner of the shop whose link they came through or whose invite
 * code they entered — and keeps them for life (or for the operator's N days). Never oneself, never a cycle (checked
 * under one lock, so two bindings cannot close a loop at the same moment), never replaced by a later link; only an
 * operator rebinds, with a reason that is kept.
 */
@Service
public class Referrals {

    /** Serializes bindings: they are rare (once per member), and a cycle check must not race another binding. */
    private static final long BINDING_LOCK = 0x6b73_7265_6600L;

    public enum Source { SHARE_LINK, INVITE_CODE, FIRST_ORDER, OPERATOR }

    public enum Outcome { BOUND, ALREADY_BOUND, SELF, CYCLE, UNKNOWN_CODE }

    private final JdbcClient jdbc;
    private final Shops shops;
    private final DistributionPolicies policies;
    private final Clock clock;

    Referrals(JdbcClient jdbc, Shops shops, DistributionPolicies policies, Clock clock) {
        this.jdbc = jdbc;
        this.shops = shops;
        this.policies = policies;
        this.clock = clock;
    }

    @Transactional
    public Outcome bind(AccountId member, String shopCode, Source source) {
        Optional<ShopView> shop = shopCode == null ? Optional.empty() : shops.byCode(shopCode);
        if (shop.isEmpty()) {
            return Outcome.UNKNOWN_CODE;
        }
        AccountId referrer = shop.get().owner();
        if (referrer.equals(member)) {
            return Outcome.SELF;
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(BINDING_LOCK).query(Object.class).single();
        if (referrerOf(member).isPresent()) {
            return Outcome.ALREADY_BOUND;
        }
        if (uplines(referrer, 1000).contains(member)) {
            return Outcome.CYCLE;
        }
        Integer lockDays = policies.current().lockDays();
        OffsetDateTime now = now();
        jdbc.sql("""
                        insert into referral_binding (member_id, referrer_id, source, shop_code, bound_at, expires_at) values (?, ?, ?, ?, ?, ?)
                        on conflict (member_id) do update set referrer_id = excluded.referrer_id, source = excluded.source,
                            shop_code = excluded.shop_code, bound_at = excluded.bound_at, expires_at = excluded.expires_at""")
                .params(member.value(), referrer.value(), source.name(), shopCode, now, lockDays == null ? null : now.plusDays(lockDays)).update();
        linkLevel2(member, referrer);
        return Outcome.BOUND;
    }

    /** The member's referrer while the binding holds. */
    public Optional<AccountId> referrerOf(AccountId member) {
        return jdbc.sql("select referrer_id from referral_binding where member_id = ? and (expires_at is null or expires_at > ?)")
                .params(member.value(), now()).query(Long.class).optional().map(AccountId::new);
    }

    /** Referrer, their referrer, … up to {@code depth} levels, nearest first. */
    public List<AccountId> uplines(AccountId member, int depth) {
        List<AccountId> chain = new ArrayList<>();
        AccountId current = member;
        for (int level = 0; level < depth; level++) {
            Optional<AccountId> next = referrerOf(current);
            if (next.isEmpty() || chain.contains(next.get()) || next.get().equals(member)) {
                break;
            }
            chain.add(next.get());
            current = next.get();
        }
        return chain;
    }

    /** An operator moves a member to another referrer (or the first one), with a reason; refused if it would close a loop. */
    @Transactional
    public void rebind(AccountId operator, AccountId member, AccountId newReferrer, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw BusinessException.invalid("reason", "referral.rebind.reason");
        }
        if (newReferrer.equals(member)) {
            throw BusinessException.invalid("referrerId", "referral.self");
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(BINDING_LOCK).query(Object.class).single();
        if (uplines(newReferrer, 1000).contains(member)) {
            throw BusinessException.conflict("referrerId", "referral.cycle");
        }
        Optional<AccountId> old = referrerOf(member);
        jdbc.sql("""
                        insert into referral_binding (member_id, referrer_id, source, shop_code, bound_at, expires_at) values (?, ?, 'OPERATOR', null, ?, null)
                        on conflict (member_id) do update set referrer_id = excluded.referrer_id, source = 'OPERATOR', shop_code = null,
                            bound_at = excluded.bound_at, expires_at = null""")
                .params(member.value(), newReferrer.value(), now()).update();
        linkLevel2(member, newReferrer);
        jdbc.sql("insert into referral_rebind_audit (member_id, old_referrer, new_referrer, operator_id, reason, at) values (?, ?, ?, ?, ?, ?)")
                .params(member.value(), old.map(AccountId::value).orElse(null), newReferrer.value(), operator.value(), why, now()).update();
    }

    /**
     * Keeps {@code upline2_id} and {@code upline2_expires_at} (the referrer's referrer and until when the referrer's
     * binding holds, read by the team's level-2 index) exact after the member's binding was written: the member's own
     * row, and every invitee of the member, whose level 2 now goes through the new binding. Runs under the binding lock,
     * in the transaction that wrote the binding; a rebind touches as many rows as the member has direct invitees (an
     * operator's action, rare), a first binding usually none.
     */
    private void linkLevel2(AccountId member, AccountId referrer) {
        jdbc.sql("""
                        update referral_binding b set upline2_id = r.referrer_id, upline2_expires_at = r.expires_at
                        from (select (select referrer_id from referral_binding where member_id = :referrer) as referrer_id,
                                     (select expires_at from referral_binding where member_id = :referrer) as expires_at) r
                        where b.member_id = :member""")
                .param("referrer", referrer.value()).param("member", member.value()).update();
        jdbc.sql("""
                        update referral_binding b set upline2_id = m.referrer_id, upline2_expires_at = m.expires_at
                        from referral_binding m where m.member_id = :member and b.referrer_id = :member
                          and (b.upline2_id is distinct from m.referrer_id or b.upline2_expires_at is distinct from m.expires_at)""")
                .param("member", member.value()).update();
    }

    /** Members bound directly to {@code referrer} (level 1), newest first. */
    public List<AccountId> directInvitees(AccountId referrer, int limit) {
        return jdbc.sql("select member_id from referral_binding where referrer_id = ? and (expires_at is null or expires_at > ?) order by bound_at desc limit ?")
                .params(referrer.value(), now(), limit).query(Long.class).list().stream().map(AccountId::new).toList();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
