package com.kinshop.commission;

import com.kinshop.identity.AccountId;
import com.kinshop.ledger.Journal;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.ordering.OrderEvents;
import com.kinshop.ordering.Orders;
import com.kinshop.referral.DistributionPolicies;
import com.kinshop.referral.DistributionPolicy;
import com.kinshop.referral.Referrals;
import com.kinshop.referral.Tiers;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
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
 * Commission through an order's life, in the same transactions as the order's own moves (listeners run synchronously):
 * paid → estimated, out of the order's escrow, at once; refund granted → the refunded units' share goes back to escrow;
 * completed → estimated becomes available, before the rest of the escrow is split. Each journal's business key names
 * the commission and the step, so a repeat posts nothing.
 */
@Service
public class Commissions {

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Referrals referrals;
    private final CommissionShares shares;
    private final DistributionPolicies policies;
    private final Shops shops;
    private final Ledger ledger;
    private final FraudChecks fraud;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Commissions(JdbcClient jdbc, Orders orders, Referrals referrals, CommissionShares shares, DistributionPolicies policies, Shops shops, Ledger ledger,
                FraudChecks fraud, ApplicationEventPublisher events, Clock clock) {
        this.fraud = fraud;
        this.events = events;
        this.jdbc = jdbc;
        this.orders = orders;
        this.referrals = referrals;
        this.shares = shares;
        this.policies = policies;
        this.shops = shops;
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener
    void onPaid(OrderEvents.OrderPaid paid) {
        DistributionPolicy policy = policies.current();
        for (Orders.SoldLine line : orders.soldLines(paid.orderId())) {
            if (policy.bindAt() == DistributionPolicy.BindAt.FIRST_ORDER && line.shopCode() != null) {
                referrals.bind(line.buyer(), line.shopCode(), Referrals.Source.FIRST_ORDER);
            }
            for (CommissionShares.Share share : shares.split(line.budget(), beneficiaries(line, policy))) {
                accrue(line, share);
            }
        }
    }

    /** Level 1 is the buyer's referrer — or the buyer, buying through their own shop when self-purchase is on — then uplines. */
    private List<AccountId> beneficiaries(Orders.SoldLine line, DistributionPolicy policy) {
        boolean ownShop = line.shopCode() != null
                && shops.byCode(line.shopCode()).map(ShopView::owner).filter(line.buyer()::equals).isPresent();
        if (ownShop && policy.selfPurchase()) {
            List<AccountId> chain = new ArrayList<>(List.of(line.buyer()));
            chain.addAll(referrals.uplines(line.buyer(), policy.depth() - 1));
            return chain;
        }
        return referrals.uplines(line.buyer(), policy.depth());
    }

    private void accrue(Orders.SoldLine line, CommissionShares.Share share) {
        AccountId beneficiary = share.beneficiary();
        int level = share.level();
        Tiers.Tier tier = share.tier();
        int shareBp = share.shareBp();
        Money amount = share.amount();
        if (!amount.isPositive()) {
            return;
        }
        Optional<Long> id = jdbc.sql("""
                        insert into commission (order_id, order_line_id, beneficiary_id, buyer_id, level, tier_code, rate_bp, base_fen, amount_fen, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ESTIMATED', ?) on conflict do nothing returning id""")
                .params(line.orderId(), line.lineId(), beneficiary.value(), line.buyer().value(), level, tier.code(), shareBp, line.budget().fen(),
                        amount.fen(), now())
                .query(Long.class).optional();
        id.ifPresent(commission -> {
            ledger.post(Journal.builder("commission:" + line.lineId() + ":" + beneficiary.value() + ":" + level, "COMMISSION_ESTIMATED",
                            line.orderNumber(), abbreviate(line.productName()), level, java.math.BigDecimal.valueOf(shareBp, 2).stripTrailingZeros().toPlainString())
                    .move(amount, LedgerAccounts.memberEstimated(beneficiary.value()), LedgerAccounts.orderEscrow(line.orderId()))
                    .build());
            List<FraudChecks.Flag> flags = fraud.check(line.orderId(), line.buyer(), beneficiary);
            if (flags.isEmpty()) {
                events.publishEvent(new CommissionEvents.Estimated(commission, beneficiary.value(), line.orderNumber(), level, amount));
            } else {
                jdbc.sql("update commission set status = 'HELD' where id = ?").param(commission).update();
                flags.forEach(flag -> jdbc.sql("insert into commission_flag (commission_id, reason, detail, created_at) values (?, ?, ?, ?) on conflict do nothing")
                        .params(commission, flag.reason(), flag.detail(), now()).update());
            }
        });
    }

    /** The operator clears a held commission: it settles now if its order is already complete, else waits as estimated. */
    @Transactional
    public void release(AccountId operator, long commissionId) {
        lockOrderOf(commissionId);
        Row row = held(commissionId);
        boolean completed = orderCompleted(commissionId);
        jdbc.sql("update commission set status = ?, settled_at = case when ? then ? else settled_at end where id = ?")
                .params(completed ? "SETTLED" : "ESTIMATED", completed, now(), commissionId).update();
        Money remaining = row.amount().minus(row.cancelled());
        if (completed && remaining.isPositive()) {
            ledger.post(Journal.builder("commission-released:" + commissionId, "COMMISSION_RELEASED")
                    .move(remaining, LedgerAccounts.memberAvailable(row.beneficiaryId()), LedgerAccounts.memberEstimated(row.beneficiaryId())).build());
        }
        resolve(operator, commissionId, "RELEASED");
    }

    /** The operator voids a held commission: the money goes back to the order (or to the platform, once the order is settled). */
    @Transactional
    public void voidHeld(AccountId operator, long commissionId) {
        lockOrderOf(commissionId);
        Row row = held(commissionId);
        Money remaining = row.amount().minus(row.cancelled());
        long orderId = jdbc.sql("select order_id from commission where id = ?").param(commissionId).query(Long.class).single();
        jdbc.sql("update commission set status = 'CANCELLED', cancelled_fen = amount_fen - clawed_back_fen where id = ?").param(commissionId).update();
        if (remaining.isPositive()) {
            ledger.post(Journal.builder("commission-voided:" + commissionId, "COMMISSION_VOIDED")
                    .move(remaining, orderCompleted(commissionId) ? LedgerAccounts.PLATFORM_REVENUE : LedgerAccounts.orderEscrow(orderId),
                            LedgerAccounts.memberEstimated(row.beneficiaryId()))
                    .build());
        }
        resolve(operator, commissionId, "VOIDED");
    }

    /** The order first, then the commission: the lock order of completion and refunds, so neither can slip in between. */
    private void lockOrderOf(long commissionId) {
        jdbc.sql("select o.id from orders o join commission c on c.order_id = o.id where c.id = ? for update of o").param(commissionId)
                .query(Long.class).optional().orElseThrow(() -> BusinessException.notFound("commission.not-found"));
    }

    private Row held(long commissionId) {
        return rows("id = ? and status = 'HELD'", commissionId).stream().findFirst()
                .orElseThrow(() -> BusinessException.conflict(null, "commission.not-held"));
    }

    private boolean orderCompleted(long commissionId) {
        return jdbc.sql("select o.status = 'COMPLETED' from commission c join orders o on o.id = c.order_id where c.id = ?")
                .param(commissionId).query(Boolean.class).single();
    }

    private void resolve(AccountId operator, long commissionId, String resolution) {
        jdbc.sql("update commission_flag set resolution = ?, resolved_by = ?, resolved_at = ? where commission_id = ? and resolution is null")
                .params(resolution, operator.value(), now(), commissionId).update();
    }

    public record HeldCommission(long commissionId, String orderNumber, String beneficiary, String buyer, int level, Money amount, List<String> reasons) {
    }

    /** Commissions held for review, oldest first, with why. */
    public List<HeldCommission> held() {
        return jdbc.sql("""
                        select c.id, o.number, b.nickname, u.nickname, c.level, c.amount_fen - c.cancelled_fen,
                               (select string_agg(f.detail, '；' order by f.id) from commission_flag f where f.commission_id = c.id and f.resolution is null)
                        from commission c join orders o on o.id = c.order_id join account b on b.id = c.beneficiary_id join account u on u.id = c.buyer_id
                        where c.status = 'HELD' order by c.id""")
                .query((rs, n) -> new HeldCommission(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        Money.fen(rs.getLong(6)), rs.getString(7) == null ? List.of() : List.of(rs.getString(7).split("；"))))
                .list();
    }

    @EventListener
    void onRefundGranted(OrderEvents.RefundGranted refund) {
        Orders.SoldLine line = orders.soldLine(refund.orderLineId());
        for (Row row : rows("order_line_id = ?", refund.orderLineId())) {
            Money kept = CommissionRule.kept(row.amount(), refund.quantity(), refund.refundedQuantity());
            Money stillHeld = row.amount().minus(row.cancelled()).minus(row.clawedBack());
            Money back = stillHeld.minus(kept);
            if (!back.isPositive()) {
                continue;
            }
            if (row.status().equals("ESTIMATED") || row.status().equals("HELD")) {
                jdbc.sql("update commission set cancelled_fen = cancelled_fen + ?, status = case when ? then 'CANCELLED' else status end where id = ?")
                        .params(back.fen(), !kept.isPositive(), row.id()).update();
                if (!kept.isPositive()) {
                    jdbc.sql("update commission_flag set resolution = 'VOIDED', resolved_at = ? where commission_id = ? and resolution is null")
                            .params(now(), row.id()).update();
                }
                ledger.post(Journal.builder("commission-cancel:" + row.id() + ":" + refund.refundedQuantity(), "COMMISSION_CANCELLED",
                                line.orderNumber(), refund.refundedQuantity(), refund.quantity())
                        .move(back, LedgerAccounts.orderEscrow(refund.orderId()), LedgerAccounts.memberEstimated(row.beneficiaryId())).build());
            } else if (row.status().equals("SETTLED")) {
                jdbc.sql("update commission set clawed_back_fen = clawed_back_fen + ? where id = ?").params(back.fen(), row.id()).update();
                ledger.post(Journal.builder("commission-clawback:" + row.id() + ":" + refund.refundedQuantity(), "COMMISSION_CLAWBACK",
                                line.orderNumber(), refund.refundedQuantity(), refund.quantity())
                        .move(back, LedgerAccounts.orderEscrow(refund.orderId()), LedgerAccounts.memberAvailable(row.beneficiaryId())).build());
            }
        }
    }

    @EventListener
    void onCompleted(OrderEvents.OrderCompleted completed) {
        for (Row row : rows("order_id = ? and status = 'ESTIMATED'", completed.orderId())) {
            Money settled = row.amount().minus(row.cancelled());
            int moved = jdbc.sql("update commission set status = 'SETTLED', settled_at = ? where id = ? and status = 'ESTIMATED'")
                    .params(now(), row.id()).update();
            if (moved == 1 && settled.isPositive()) {
                ledger.post(Journal.builder("commission-settle:" + row.id(), "COMMISSION_SETTLED",
                                completed.orderNumber())
                        .move(settled, LedgerAccounts.memberAvailable(row.beneficiaryId()), LedgerAccounts.memberEstimated(row.beneficiaryId()))
                        .build());
                events.publishEvent(new CommissionEvents.Settled(row.id(), row.beneficiaryId(), completed.orderNumber(), settled));
            }
        }
    }

    private record Row(long id, long beneficiaryId, Money amount, Money cancelled, Money clawedBack, String status) {
    }

    private List<Row> rows(String where, long id) {
        return jdbc.sql("select id, beneficiary_id, amount_fen, cancelled_fen, clawed_back_fen, status from commission where " + where + " order by id for update")
                .param(id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), Money.fen(rs.getLong(3)), Money.fen(rs.getLong(4)), Money.fen(rs.getLong(5)),
                        rs.getString(6)))
                .list();
    }

    private static String abbreviate(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
