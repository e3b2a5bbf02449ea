package com.kinshop.commission;

import com.kinshop.referral.DistributionPolicies;
import com.kinshop.referral.DistributionPolicy;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The operator's proof that the scheme is legal, computed from the data (not from the settings): how deep commission
 * was actually paid, any money on members' commission accounts that does not come from a real paid order line, and
 * anyone who earned from beyond the second level. Entry fees and per-recruit rewards have no place in the model at all:
 * a member's commission accounts can only be moved by the journal kinds listed in {@link #KNOWN_KINDS}.
 */
@Service
public class ComplianceReport {

    static final List<String> KNOWN_KINDS = List.of("COMMISSION_ESTIMATED", "COMMISSION_CANCELLED", "COMMISSION_SETTLED", "COMMISSION_CLAWBACK",
            "COMMISSION_RELEASED", "COMMISSION_VOIDED", "WITHDRAWAL_REQUESTED", "WITHDRAWAL_PAID", "WITHDRAWAL_REJECTED",
            "WITHDRAWAL_FAILED", "WITHDRAWAL_RETURNED",
            // an upheld complaint's penalty paid from the supplier's deposit to the buyer, keyed by the complaint's number
            "DEPOSIT_PENALTY_BUYER");

    private final JdbcClient jdbc;
    private final DistributionPolicies policies;
    private final Clock clock;

    ComplianceReport(JdbcClient jdbc, DistributionPolicies policies, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.clock = clock;
    }

    /** A ledger entry on a member's commission account that no paid order line explains. */
    public record Untraceable(String businessKey, String kind, String account, Money amount, String why) {
    }

    public record DeepEarner(long memberId, String nickname, int level, Money earned) {
    }

    @Schema(name = "ComplianceReport")
    public record Report(int policyDepth, boolean threeLevelSwitch, int maxPaidDepth, long commissions, Money paidOut, List<Untraceable> untraceable,
                         List<DeepEarner> beyondTwoLevels, Instant generatedAt) {

        public boolean clean() {
            return maxPaidDepth <= 2 && untraceable.isEmpty() && beyondTwoLevels.isEmpty();
        }
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report run() {
        DistributionPolicy policy = policies.current();
        int maxDepth = jdbc.sql("select coalesce(max(level), 0) from commission where status <> ? and amount_fen - cancelled_fen - clawed_back_fen > 0")
                .param(CommissionStatus.CANCELLED.name()).query(Integer.class).single();
        long count = jdbc.sql("select count(*) from commission").query(Long.class).single();
        Money paidOut = Money.fen(jdbc.sql("select coalesce(sum(amount_fen - cancelled_fen - clawed_back_fen), 0) from commission where status = ?")
                .param(CommissionStatus.SETTLED.name()).query(Long.class).single());
        List<Untraceable> untraceable = jdbc.sql("""
                        select j.business_key, j.kind, a.code, e.amount_fen,
                               case when j.kind not in (:known) then 'UNKNOWN_KIND'
                                    when j.kind = 'COMMISSION_ESTIMATED' and c.id is null then 'NO_COMMISSION_RECORD'
                                    when j.kind = 'COMMISSION_ESTIMATED' and o.paid_at is null then 'ORDER_NOT_PAID'
                                    when j.kind = 'COMMISSION_ESTIMATED' and c.amount_fen > l.commission_budget_fen then 'ABOVE_LINE_BUDGET'
                               end as why
                        from ledger_entry e join ledger_account a on a.id = e.account_id join ledger_journal j on j.id = e.journal_id
                        left join commission c on j.business_key = 'commission:' || c.order_line_id || ':' || c.beneficiary_id || ':' || c.level
                        left join order_line l on l.id = c.order_line_id left join orders o on o.id = c.order_id
                        where a.code like 'member:%:commission:%'
                          and (j.kind not in (:known)
                               or (j.kind = 'COMMISSION_ESTIMATED' and (c.id is null or o.paid_at is null or c.amount_fen > l.commission_budget_fen)))
                        order by j.id""")
                .param("known", KNOWN_KINDS)
                .query((rs, n) -> new Untraceable(rs.getString(1), rs.getString(2), rs.getString(3), Money.fen(rs.getLong(4)), rs.getString(5)))
                .list();
        List<DeepEarner> deep = jdbc.sql("""
                        select c.beneficiary_id, a.nickname, max(c.level), sum(c.amount_fen - c.cancelled_fen - c.clawed_back_fen)
                        from commission c join account a on a.id = c.beneficiary_id where c.level > 2
                        group by c.beneficiary_id, a.nickname order by 1""")
                .query((rs, n) -> new DeepEarner(rs.getLong(1), rs.getString(2), rs.getInt(3), Money.fen(rs.getLong(4))))
                .list();
        return new Report(policy.depth(), policy.threeLevelAllowed(), maxDepth, count, paidOut, untraceable, deep, clock.instant());
    }

    /** The report as CSV, for the regulator or the lawyer: a summary block, then every finding. */
    public String csv() {
        Report report = run();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("item", "value", "detail");
            csv.printRecord("generated_at", report.generatedAt(), "");
            csv.printRecord("policy_depth", report.policyDepth(), report.threeLevelSwitch() ? "three-level switch ON" : "");
            csv.printRecord("max_paid_depth", report.maxPaidDepth(), "");
            csv.printRecord("commissions", report.commissions(), report.paidOut().toPlainString());
            csv.printRecord("entry_fee_possible", "no", "tiers have no price; no journal kind charges members");
            csv.printRecord("per_recruit_reward_possible", "no", "every commission names a paid order line");
            for (Untraceable finding : report.untraceable()) {
                csv.printRecord("untraceable:" + finding.why(), finding.businessKey(), finding.account() + " " + finding.amount().toPlainString());
            }
            for (DeepEarner earner : report.beyondTwoLevels()) {
                csv.printRecord("beyond_two_levels", earner.memberId(), earner.nickname() + " level " + earner.level() + " " + earner.earned().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
