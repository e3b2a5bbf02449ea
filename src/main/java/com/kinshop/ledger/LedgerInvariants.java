package com.kinshop.ledger;

import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Proves the ledger from its entries: every journal balances, every cached balance equals the sum of its entries,
 * no never-negative account is negative, and all balances together are zero. Open clearing accounts are listed
 * (they must be zero once their business — a payment, an order — is done). Accounts are named as people know them:
 * the id in the code replaced by the account's reference (order:K2612061130001:escrow, not order:17:escrow).
 */
@Service
public class LedgerInvariants {

    /** An account's name in SQL: its code with the id (second segment) replaced by the reference, when it has one. */
    static final String NAME = "coalesce(regexp_replace(a.code, '^([a-z_]+):[^:]+', '\\1:' || a.reference), a.code)";

    private final JdbcClient jdbc;

    LedgerInvariants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(name = "LedgerInvariantReport")
    public record Report(long journals, long entries, Money total, List<String> unbalancedJournals, List<String> balanceMismatches,
                         List<String> negativeBalances, List<String> openClearingAccounts) {

        /** Every account or journal a check found wrong, for the operator to look at. */
        public List<String> problems() {
            return java.util.stream.Stream.of(unbalancedJournals, balanceMismatches, negativeBalances).flatMap(List::stream).toList();
        }

        public boolean healthy() {
            return total.fen() == 0 && unbalancedJournals.isEmpty() && balanceMismatches.isEmpty() && negativeBalances.isEmpty();
        }
    }

    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Report check() {
        long journals = jdbc.sql("select count(*) from ledger_journal").query(Long.class).single();
        long entries = jdbc.sql("select count(*) from ledger_entry").query(Long.class).single();
        long total = jdbc.sql("select coalesce(sum(amount_fen), 0) from ledger_entry").query(Long.class).single();
        List<String> unbalanced = jdbc.sql("""
                        select j.business_key from ledger_entry e join ledger_journal j on j.id = e.journal_id
                        group by j.business_key having sum(e.amount_fen) <> 0 order by 1""")
                .query(String.class).list();
        List<String> mismatches = jdbc.sql("""
                        select %s from ledger_account a
                        left join ledger_balance b on b.account_id = a.id
                        left join (select account_id, sum(amount_fen) as total from ledger_entry group by account_id) e on e.account_id = a.id
                        where coalesce(b.balance_fen, 0) <> coalesce(e.total, 0) order by 1""".formatted(NAME))
                .query(String.class).list();
        List<String> negative = jdbc.sql("""
                        select %s from ledger_account a join ledger_balance b on b.account_id = a.id
                        where not a.may_go_negative and b.balance_fen < 0 order by 1""".formatted(NAME))
                .query(String.class).list();
        List<String> openClearing = jdbc.sql("""
                        select %s from ledger_account a join ledger_balance b on b.account_id = a.id
                        where a.type = 'CLEARING' and b.balance_fen <> 0 order by 1""".formatted(NAME))
                .query(String.class).list();
        return new Report(journals, entries, Money.fen(total), unbalanced, mismatches, negative, openClearing);
    }
}
