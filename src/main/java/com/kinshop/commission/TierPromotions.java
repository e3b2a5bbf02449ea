package com.kinshop.commission;

import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderEvents;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.referral.Tiers;
import com.kinshop.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Promotes members by what they sell, never by whom they recruit: own sales through their shop, direct invitees who
 * actually bought (a recruit who buys nothing counts for nothing), and their level-2 team's purchases, each over the
 * tier's period, completed orders only, net of refunds. Evaluated when an order completes and nightly for everyone.
 * Demotion is never automatic (the operator may move a member down).
 */
@Component
class TierPromotions {

    private static final Logger log = LoggerFactory.getLogger(TierPromotions.class);

    private final JdbcClient jdbc;
    private final Tiers tiers;
    private final Clock clock;

    TierPromotions(JdbcClient jdbc, Tiers tiers, Clock clock) {
        this.jdbc = jdbc;
        this.tiers = tiers;
        this.clock = clock;
    }

    record Figures(Money ownSales, int buyingInvitees, Money teamSales) {
    }

    /** The highest tier whose thresholds are all met, or the current one if higher (no automatic demotion). */
    static Tiers.Tier deserved(List<Tiers.Tier> tiersByRank, Tiers.Tier current, java.util.function.IntFunction<Figures> figuresForPeriod) {
        Tiers.Tier best = current;
        for (Tiers.Tier tier : tiersByRank) {
            if (tier.rank() <= best.rank()) {
                continue;
            }
            Figures figures = figuresForPeriod.apply(tier.periodDays());
            if (figures.ownSales().compareTo(tier.minOwnSales()) >= 0 && figures.buyingInvitees() >= tier.minDirectInvitees()
                    && figures.teamSales().compareTo(tier.minTeamSales()) >= 0) {
                best = tier;
            }
        }
        return best;
    }

    @ApplicationModuleListener
    void on(OrderEvents.OrderCompleted completed) {
        jdbc.sql("select distinct beneficiary_id from commission where order_id = ?").param(completed.orderId()).query(Long.class).list()
                .forEach(member -> evaluate(new AccountId(member)));
    }

    @Scheduled(cron = "${kinshop.commission.tier-cron:0 30 2 * * *}", zone = "${kinshop.time-zone}")
    void nightly() {
        jdbc.sql("select owner_account_id from shop").query(Long.class).list().forEach(member -> evaluate(new AccountId(member)));
    }

    void evaluate(AccountId member) {
        Tiers.Tier current = tiers.of(member);
        Tiers.Tier deserved = deserved(tiers.all(), current, days -> figures(member, days));
        if (deserved.rank() > current.rank()) {
            tiers.assign(member, deserved.code());
            log.info("Member {} promoted to {}", member.value(), deserved.code());
        }
    }

    private Figures figures(AccountId member, int days) {
        OffsetDateTime since = clock.instant().atOffset(ZoneOffset.UTC).minusDays(days);
        long own = jdbc.sql("""
                        select coalesce(sum(l.paid_fen - l.refunded_goods_fen), 0)
                        from order_line l join orders o on o.id = l.order_id join shop s on s.code = l.shop_code
                        where s.owner_account_id = ? and o.status = ? and o.completed_at >= ?""")
                .params(member.value(), OrderStatus.COMPLETED.name(), since).query(Long.class).single();
        int buyingInvitees = jdbc.sql("""
                        select count(distinct b.member_id) from referral_binding b join orders o on o.buyer_id = b.member_id
                        where b.referrer_id = ? and (b.expires_at is null or b.expires_at > now()) and o.status = ? and o.completed_at >= ?""")
                .params(member.value(), OrderStatus.COMPLETED.name(), since).query(Integer.class).single();
        long team = jdbc.sql("""
                        select coalesce(sum(o.goods_fen - o.discount_fen - o.refunded_goods_fen), 0)
                        from referral_binding b1 join referral_binding b2 on b2.referrer_id = b1.member_id join orders o on o.buyer_id = b2.member_id
                        where b1.referrer_id = ? and (b1.expires_at is null or b1.expires_at > now()) and (b2.expires_at is null or b2.expires_at > now())
                          and o.status = ? and o.completed_at >= ?""")
                .params(member.value(), OrderStatus.COMPLETED.name(), since).query(Long.class).single();
        return new Figures(Money.fen(own), buyingInvitees, Money.fen(team));
    }
}
