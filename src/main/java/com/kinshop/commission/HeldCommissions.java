package com.kinshop.commission;

import com.kinshop.commission.CommissionStatus.Move;
import com.kinshop.identity.AccountId;
import com.kinshop.ledger.Journal;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The operator's review of commissions the fraud checks held: release (it settles at once if its order is complete)
 * or void (the money goes back to the order, or to the platform once the order is settled).
 */
@Service
public class HeldCommissions {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final CommissionMoves moves;
    private final Clock clock;

    HeldCommissions(JdbcClient jdbc, Ledger ledger, CommissionMoves moves, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.moves = moves;
        this.clock = clock;
    }

    /** The operator clears a held commission: it settles now if its order is already complete, else waits as estimated. */
    @Transactional
    public void release(AccountId operator, long commissionId) {
        lockOrderOf(commissionId);
        Held row = held(commissionId);
        boolean completed = orderCompleted(commissionId);
        boolean released = completed ? moves.move(commissionId, Move.RELEASE_SETTLED, "settled_at = :at", Map.of("at", now()), null)
                : moves.move(commissionId, Move.RELEASE);
        if (!released) {
            throw BusinessException.conflict(null, "commission.not-held");
        }
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
        Held row = held(commissionId);
        Money remaining = row.amount().minus(row.cancelled());
        long orderId = jdbc.sql("select order_id from commission where id = ?").param(commissionId).query(Long.class).single();
        if (!moves.move(commissionId, Move.VOID, "cancelled_fen = amount_fen - clawed_back_fen", Map.of(), null)) {
            throw BusinessException.conflict(null, "commission.not-held");
        }
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

    private record Held(long beneficiaryId, Money amount, Money cancelled) {
    }

    private Held held(long commissionId) {
        return jdbc.sql("select beneficiary_id, amount_fen, cancelled_fen from commission where id = ? and status = ? for update")
                .params(commissionId, CommissionStatus.HELD.name())
                .query((rs, n) -> new Held(rs.getLong(1), Money.fen(rs.getLong(2)), Money.fen(rs.getLong(3)))).optional()
                .orElseThrow(() -> BusinessException.conflict(null, "commission.not-held"));
    }

    private boolean orderCompleted(long commissionId) {
        return jdbc.sql("select o.status = ? from commission c join orders o on o.id = c.order_id where c.id = ?")
                .params(OrderStatus.COMPLETED.name(), commissionId).query(Boolean.class).single();
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
                        where c.status = ? order by c.id""")
                .param(CommissionStatus.HELD.name())
                .query((rs, n) -> new HeldCommission(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        Money.fen(rs.getLong(6)), rs.getString(7) == null ? List.of() : List.of(rs.getString(7).split("；"))))
                .list();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
