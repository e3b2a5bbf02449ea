package com.kinshop.commission;

import com.kinshop.identity.AccountId;
import com.kinshop.ledger.InsufficientBalanceException;
import com.kinshop.ledger.Journal;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.payment.Payments;
import com.kinshop.referral.DistributionPolicies;
import com.kinshop.referral.DistributionPolicy;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.BusinessNumbers;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Withdrawals (提现). A request moves the amount from the member's available balance to "withdrawing" in one journal
 * that may not overdraw it — so twenty simultaneous requests against a balance that covers one produce one, and a
 * balance in debt after a clawback allows none. Then: approval (automatic under the operator's threshold) → payout
 * through the provider, keyed by the withdrawal number (never paid twice) → paid, or failed and returned.
 */
@Service
public class Withdrawals {

    private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

    public enum Status { REQUESTED, APPROVED, PAID, FAILED, REJECTED }

    @Schema(name = "Withdrawal")
    public record View(String number, long memberId, Money amount, Money fee, Status status, String reason, OffsetDateTime createdAt,
                       OffsetDateTime paidAt) {

        public Money received() {
            return amount.minus(fee);
        }
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Payments payments;
    private final DistributionPolicies policies;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    Withdrawals(JdbcClient jdbc, Ledger ledger, Payments payments, DistributionPolicies policies,
                org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.payments = payments;
        this.policies = policies;
        this.clock = clock;
    }

    @Transactional
    public View request(AccountId member, Money amount) {
        DistributionPolicy policy = policies.current();
        if (amount.compareTo(policy.minWithdrawal()) < 0) {
            throw BusinessException.invalid("amount", "withdrawal.amount.min", policy.minWithdrawal().toPlainString());
        }
        // one request per member at a time, so the daily sum below is exact
        jdbc.sql("select id from account where id = ? for update").param(member.value()).query(Long.class).single();
        // the balance is the first thing a member can act on, so it is named before the daily limit
        Money available = ledger.balance(LedgerAccounts.memberAvailable(member.value()).code()).negated();
        if (available.isNegative()) {
            throw BusinessException.conflict("amount", "withdrawal.insufficient");
        }
        if (amount.compareTo(available) > 0) {
            throw BusinessException.conflict("amount", "withdrawal.over-available", available.toPlainString());
        }
        OffsetDateTime startOfDay = LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
        long today = jdbc.sql("select coalesce(sum(amount_fen), 0) from withdrawal where member_id = ? and created_at >= ? and status <> 'REJECTED' and status <> 'FAILED'")
                .params(member.value(), startOfDay).query(Long.class).single();
        if (today + amount.fen() > policy.dailyWithdrawalLimit().fen()) {
            throw BusinessException.invalid("amount", "withdrawal.daily-limit", Money.fen(Math.max(0, policy.dailyWithdrawalLimit().fen() - today)).toPlainString());
        }
        Money fee = amount.shareAt(policy.withdrawalFeeBp());
        Status status = amount.compareTo(policy.autoApproveBelow()) < 0 ? Status.APPROVED : Status.REQUESTED;
        String number = BusinessNumbers.next(jdbc, "W", clock.instant(), clock.getZone());
        jdbc.sql("insert into withdrawal (number, member_id, amount_fen, fee_fen, status, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(number, member.value(), amount.fen(), fee.fen(), status.name(), now()).update();
        try {
            ledger.post(Journal.builder("withdrawal:" + number, "WITHDRAWAL_REQUESTED", number)
                    .move(amount, LedgerAccounts.memberWithdrawing(member.value()), LedgerAccounts.memberAvailable(member.value()))
                    .notOverdrawing(LedgerAccounts.memberAvailable(member.value()))
                    .build());
        } catch (InsufficientBalanceException e) {
            throw BusinessException.conflict("amount", "withdrawal.insufficient");
        }
        return get(number);
    }

    @Transactional
    public void approve(AccountId operator, String number) {
        decide(operator, number, Status.APPROVED, null);
    }

    @Transactional
    public void reject(AccountId operator, String number, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw BusinessException.invalid("reason", "withdrawal.reject-reason");
        }
        View withdrawal = decide(operator, number, Status.REJECTED, why);
        giveBack(withdrawal, "withdrawal-rejected:", "WITHDRAWAL_REJECTED", why);
    }

    private View decide(AccountId operator, String number, Status to, String reason) {
        int moved = jdbc.sql("update withdrawal set status = ?, reason = ?, decided_by = ?, decided_at = ? where number = ? and status = 'REQUESTED'")
                .params(to.name(), reason, operator.value(), now(), number).update();
        if (moved != 1) {
            boolean exists = jdbc.sql("select count(*) from withdrawal where number = ?").param(number).query(Integer.class).single() > 0;
            throw exists ? BusinessException.conflict(null, "withdrawal.changed") : BusinessException.notFound("withdrawal.not-found");
        }
        return get(number);
    }

    /** Pays out one approved withdrawal (claimed with SKIP LOCKED); false when none is due. */
    @Transactional
    public boolean payNext() {
        Optional<String> due = jdbc.sql("select number from withdrawal where status = 'APPROVED' order by id limit 1 for update skip locked")
                .query(String.class).optional();
        if (due.isEmpty()) {
            return false;
        }
        View withdrawal = get(due.get());
        try {
            Payments.Payout payout = payments.payout(withdrawal.number(), "member:" + withdrawal.memberId(), withdrawal.received());
            jdbc.sql("update withdrawal set status = 'PAID', payout_id = ?, paid_at = ? where number = ? and status = 'APPROVED'")
                    .params(payout.providerPayoutId(), now(), withdrawal.number()).update();
            ledger.post(Journal.builder("withdrawal-paid:" + withdrawal.number(), "WITHDRAWAL_PAID", withdrawal.number())
                    .entry(LedgerAccounts.memberWithdrawing(withdrawal.memberId()), withdrawal.amount())
                    .entry(LedgerAccounts.providerFunds(payout.provider()), withdrawal.received().negated())
                    .entry(LedgerAccounts.PLATFORM_REVENUE, withdrawal.fee().negated())
                    .build());
            events.publishEvent(new CommissionEvents.WithdrawalPaid(withdrawal.number(), withdrawal.memberId(), withdrawal.received()));
        } catch (com.kinshop.payment.PaymentProvider.Refused e) {
            // only a definite refusal gives the money back; a timeout may have paid, so it stays approved and is retried
            // with the same number, which the provider pays at most once
            log.warn("Payout of withdrawal {} refused; returning it to the balance: {}", withdrawal.number(), e.toString());
            // no reason text: the status says it, in the reader's language
            jdbc.sql("update withdrawal set status = 'FAILED' where number = ? and status = 'APPROVED'").param(withdrawal.number()).update();
            giveBack(withdrawal, "withdrawal-failed:", "WITHDRAWAL_FAILED", null);
        }
        return true;
    }

    /** {@code kind}: the journal's (its message names the withdrawal and the operator's reason, if any). */
    private void giveBack(View withdrawal, String keyPrefix, String kind, String reason) {
        events.publishEvent(new CommissionEvents.WithdrawalReturned(withdrawal.number(), withdrawal.memberId(), withdrawal.amount(), reason));
        ledger.post(Journal.builder(keyPrefix + withdrawal.number(), kind, reason == null ? new Object[] {withdrawal.number()} : new Object[] {withdrawal.number(), reason})
                .move(withdrawal.amount(), LedgerAccounts.memberAvailable(withdrawal.memberId()), LedgerAccounts.memberWithdrawing(withdrawal.memberId()))
                .build());
    }

    public View get(String number) {
        return jdbc.sql("select number, member_id, amount_fen, fee_fen, status, reason, created_at, paid_at from withdrawal where number = ?").param(number)
                .query((rs, n) -> view(rs)).optional().orElseThrow(() -> BusinessException.notFound("withdrawal.not-found"));
    }

    public List<View> of(AccountId member, int limit) {
        return jdbc.sql("select number, member_id, amount_fen, fee_fen, status, reason, created_at, paid_at from withdrawal where member_id = ? order by id desc limit ?")
                .params(member.value(), limit).query((rs, n) -> view(rs)).list();
    }

    public List<View> pending(int limit) {
        return jdbc.sql("select number, member_id, amount_fen, fee_fen, status, reason, created_at, paid_at from withdrawal where status in ('REQUESTED', 'APPROVED') order by id limit ?")
                .param(limit).query((rs, n) -> view(rs)).list();
    }

    private static View view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new View(rs.getString(1), rs.getLong(2), Money.fen(rs.getLong(3)), Money.fen(rs.getLong(4)), Status.valueOf(rs.getString(5)),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
