package com.kinshop.commission;

import com.kinshop.commission.CommissionStatus.Move;
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
import com.kinshop.shared.Money;
import com.kinshop.shop.Shops;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final CommissionMoves moves;
    private final Clock clock;

    Commissions(JdbcClient jdbc, Orders orders, Referrals referrals, CommissionShares shares, DistributionPolicies policies, Shops shops, Ledger ledger,
                FraudChecks fraud, ApplicationEventPublisher events, CommissionMoves moves, Clock clock) {
        this.moves = moves;
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
        List<CommissionEvents.Estimated> estimated = new ArrayList<>();
        for (Orders.SoldLine line : orders.soldLines(paid.orderId())) {
            if (policy.bindAt() == DistributionPolicy.BindAt.FIRST_ORDER && line.shopCode() != null) {
                referrals.bind(line.buyer(), line.shopCode(), Referrals.Source.FIRST_ORDER);
            }
            for (CommissionShares.Share share : shares.split(line.budget(), beneficiaries(line, policy))) {
                accrue(line, share).ifPresent(estimated::add);
            }
        }
        if (!estimated.isEmpty()) { // one event for the order's commissions: one publication (three commits) instead of one each
            events.publishEvent(new CommissionEvents.EstimatedForOrder(paid.orderNumber(), estimated));
        }
    }

    /** Whether the account earns commission on the order line (at any level): reviews use it as a brushing signal. */
    public boolean isBeneficiary(long orderLineId, AccountId account) {
        return jdbc.sql("select exists (select 1 from commission where order_line_id = ? and beneficiary_id = ?)")
                .params(orderLineId, account.value()).query(Boolean.class).single();
    }

    /** Level 1 is the buyer's referrer — or the buyer, buying through their own shop when self-purchase is on — then uplines. */
    private List<AccountId> beneficiaries(Orders.SoldLine line, DistributionPolicy policy) {
        boolean ownShop = line.shopCode() != null && shops.ownerOf(line.shopCode()).filter(line.buyer()::equals).isPresent();
        if (ownShop && policy.selfPurchase()) {
            List<AccountId> chain = new ArrayList<>(List.of(line.buyer()));
            chain.addAll(referrals.uplines(line.buyer(), policy.depth() - 1));
            return chain;
        }
        return referrals.uplines(line.buyer(), policy.depth());
    }

    /** Records one share as estimated commission; what to tell its beneficiary, unless it was already there or is held. */
    private Optional<CommissionEvents.Estimated> accrue(Orders.SoldLine line, CommissionShares.Share share) {
        AccountId beneficiary = share.beneficiary();
        int level = share.level();
        Tiers.Tier tier = share.tier();
        int shareBp = share.shareBp();
        Money amount = share.amount();
        if (!amount.isPositive()) {
            return Optional.empty();
        }
        Optional<Long> id = jdbc.sql("""
                        insert into commission (order_id, order_line_id, beneficiary_id, buyer_id, level, tier_code, rate_bp, base_fen, amount_fen, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id""")
                .params(line.orderId(), line.lineId(), beneficiary.value(), line.buyer().value(), level, tier.code(), shareBp, line.budget().fen(),
                        amount.fen(), CommissionStatus.ESTIMATED.name(), now())
                .query(Long.class).optional();
        return id.flatMap(commission -> {
            ledger.post(Journal.builder("commission:" + line.lineId() + ":" + beneficiary.value() + ":" + level, "COMMISSION_ESTIMATED",
                            line.orderNumber(), abbreviate(line.productName()), level, java.math.BigDecimal.valueOf(shareBp, 2).stripTrailingZeros().toPlainString())
                    .move(amount, LedgerAccounts.memberEstimated(beneficiary.value()), LedgerAccounts.orderEscrow(line.orderId()))
                    .build());
            List<FraudChecks.Flag> flags = fraud.check(line.orderId(), line.buyer(), beneficiary);
            if (flags.isEmpty()) {
                return Optional.of(new CommissionEvents.Estimated(commission, beneficiary.value(), line.orderNumber(), level, amount));
            }
            if (!moves.move(commission, Move.HOLD)) {
                throw new IllegalStateException("Commission " + commission + " was not estimated when it was flagged");
            }
            flags.forEach(flag -> jdbc.sql("insert into commission_flag (commission_id, reason, detail, created_at) values (?, ?, ?, ?) on conflict do nothing")
                    .params(commission, flag.reason(), flag.detail(), now()).update());
            return Optional.<CommissionEvents.Estimated>empty();
        });
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
            if (Move.CANCEL.from().contains(row.status())) {
                if (kept.isPositive()) {
                    takeBack(row, "cancelled_fen", back);
                } else {
                    cancelEntirely(row.id(), back);
                }
                ledger.post(Journal.builder("commission-cancel:" + row.id() + ":" + refund.refundedQuantity(), "COMMISSION_CANCELLED",
                                line.orderNumber(), refund.refundedQuantity(), refund.quantity())
                        .move(back, LedgerAccounts.orderEscrow(refund.orderId()), LedgerAccounts.memberEstimated(row.beneficiaryId())).build());
            } else if (row.status() == CommissionStatus.SETTLED) {
                takeBack(row, "clawed_back_fen", back);
                ledger.post(Journal.builder("commission-clawback:" + row.id() + ":" + refund.refundedQuantity(), "COMMISSION_CLAWBACK",
                                line.orderNumber(), refund.refundedQuantity(), refund.quantity())
                        .move(back, LedgerAccounts.orderEscrow(refund.orderId()), LedgerAccounts.memberAvailable(row.beneficiaryId())).build());
            }
        }
    }

    /**
     * Every ESTIMATED commission of the order settles in one guarded update, then each posts estimated → available;
     * one event names every beneficiary of the order with what settled for them (zero when theirs was held or
     * cancelled), for their message and their tier check: one event per order (an outbox row per listener), not one per commission.
     */
    @EventListener
    void onCompleted(OrderEvents.OrderCompleted completed) {
        Map<Long, Money> settledPerMember = new LinkedHashMap<>();
        for (CommissionMoves.OfOrder row : moves.moveAllOf(completed.orderId(), Move.SETTLE, "settled_at = :at", Map.of("at", now()))) {
            Money settled = row.moved() && row.remaining().isPositive() ? row.remaining() : Money.ZERO;
            settledPerMember.merge(row.beneficiaryId(), settled, Money::plus);
            if (settled.isPositive()) {
                ledger.post(Journal.builder("commission-settle:" + row.id(), "COMMISSION_SETTLED",
                                completed.orderNumber())
                        .move(settled, LedgerAccounts.memberAvailable(row.beneficiaryId()), LedgerAccounts.memberEstimated(row.beneficiaryId()))
                        .build());
            }
        }
        if (!settledPerMember.isEmpty()) {
            events.publishEvent(new CommissionEvents.Settled(completed.orderId(), completed.orderNumber(), settledPerMember.entrySet().stream()
                    .map(member -> new CommissionEvents.Settled.Share(member.getKey(), member.getValue())).toList()));
        }
    }

    /** Nothing is left to earn: the commission is cancelled, and a fraud flag on it has nothing left to decide. */
    /** Part of a commission goes back: guarded by the status read under the lock and by the amount, never more than was accrued. */
    private void takeBack(Row row, String column, Money back) {
        int changed = jdbc.sql("update commission set " + column + " = " + column + " + :back where id = :id and status = :status"
                        + " and cancelled_fen + clawed_back_fen + :back <= amount_fen")
                .param("back", back.fen()).param("id", row.id()).param("status", row.status().name()).update();
        if (changed != 1) {
            throw new IllegalStateException("Commission " + row.id() + " changed under its lock");
        }
    }

    private void cancelEntirely(long commissionId, Money back) {
        if (!moves.move(commissionId, Move.CANCEL, "cancelled_fen = cancelled_fen + :back", Map.of("back", back.fen()), null)) {
            throw new IllegalStateException("Commission " + commissionId + " changed under its lock");
        }
        jdbc.sql("update commission_flag set resolution = 'VOIDED', resolved_at = ? where commission_id = ? and resolution is null")
                .params(now(), commissionId).update();
    }

    private record Row(long id, long beneficiaryId, Money amount, Money cancelled, Money clawedBack, CommissionStatus status) {
    }

    private List<Row> rows(String where, Object... params) {
        return jdbc.sql("select id, beneficiary_id, amount_fen, cancelled_fen, clawed_back_fen, status from commission where " + where + " order by id for update")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), Money.fen(rs.getLong(3)), Money.fen(rs.getLong(4)), Money.fen(rs.getLong(5)),
                        CommissionStatus.valueOf(rs.getString(6))))
                .list();
    }

    private static String abbreviate(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
