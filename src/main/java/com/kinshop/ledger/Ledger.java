package com.kinshop.ledger;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts journals. A business key posts at most once: a repeat (a retried job, a duplicate notification) gets the
 * journal that is already there, and a repeat with other entries is refused (422) rather than silently dropped. Balances move in the same transaction with a guarded update, so an account that
 * may not go negative never does, whatever runs at the same time. Entries touch accounts in code order, so two
 * journals over the same accounts cannot deadlock.
 */
@Service
public class Ledger {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Known> opened = new ConcurrentHashMap<>();

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Posted(JournalId journal, boolean alreadyPosted) {
    }

    @Schema(name = "LedgerLine")
    public record Line(JournalId journal, String businessKey, JournalText text, Money amount, Instant postedAt) {
    }

    @Transactional
    public Posted post(Journal journal) {
        return insert(journal, null);
    }

    /** Posts the exact opposite of a journal, once; the original stays as it was. */
    @Transactional
    public Posted reverse(JournalId original, String businessKey, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw BusinessException.invalid("reason", "review.reason.required");
        }
        List<Journal.Entry> entries = entriesOf(original.value());
        if (entries.isEmpty()) {
            throw BusinessException.notFound("ledger.journal.not-found");
        }
        Journal reversal = Journal.reversalOf(entries, businessKey, reason);
        try {
            return insert(reversal, original);
        } catch (DuplicateKeyException alreadyReversed) {
            throw BusinessException.conflict(null, "ledger.already-reversed");
        }
    }

    public Money balance(String accountCode) {
        return jdbc.sql("select b.balance_fen from ledger_balance b join ledger_account a on a.id = b.account_id where a.code = ?")
                .param(accountCode).query(Long.class).optional().map(Money::fen).orElse(Money.ZERO);
    }

    /** An account's entries, newest first, each with the reason of its journal. */
    public List<Line> lines(String accountCode, int limit) {
        return jdbc.sql("""
                        select j.id, j.business_key, j.kind, j.args::text, j.description, e.amount_fen, j.posted_at from ledger_entry e
                        join ledger_journal j on j.id = e.journal_id join ledger_account a on a.id = e.account_id
                        where a.code = ? order by e.id desc limit ?""")
                .params(accountCode, limit)
                .query((rs, n) -> new Line(new JournalId(rs.getLong(1)), rs.getString(2), text(rs.getString(3), rs.getString(4), rs.getString(5)),
                        Money.fen(rs.getLong(6)), rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A journal's text from its columns: kind and JSON arguments, or the text stored before issue 9. */
    public static JournalText text(String kind, String argsJson, String stored) {
        return new JournalText(kind, argsJson == null ? List.of() : List.of(JSON.readValue(argsJson, String[].class)), stored);
    }

    private Posted insert(Journal journal, JournalId reverses) {
        Long id = jdbc.sql("""
                        insert into ledger_journal (business_key, kind, args, reverses_journal_id, posted_at)
                        values (?, ?, ?::jsonb, ?, ?) on conflict (business_key) do nothing returning id""")
                .params(journal.businessKey(), journal.kind(), JSON.writeValueAsString(journal.args()), reverses == null ? null : reverses.value(), now())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            long existing = jdbc.sql("select id from ledger_journal where business_key = ?").param(journal.businessKey()).query(Long.class).single();
            // a repeat is only harmless if it says the same thing; other entries under a used key would be silently lost
            if (!netPerAccount(journal.entries()).equals(netPerAccount(entriesOf(existing)))) {
                throw new BusinessException(HttpStatus.UNPROCESSABLE_CONTENT, "ledger.business-key.reused", null, journal.businessKey());
            }
            return new Posted(new JournalId(existing), true);
        }
        List<Journal.Entry> entries = journal.entries().stream().sorted(Comparator.comparing(entry -> entry.account().code())).toList();
        List<Object> values = new ArrayList<>();
        long[] accounts = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Journal.Entry entry = entries.get(i);
            accounts[i] = account(entry.account());
            values.addAll(List.of(id, accounts[i], entry.amount().fen(), entry.amount().currency().getCurrencyCode()));
        }
        jdbc.sql("insert into ledger_entry (journal_id, account_id, amount_fen, currency) values "
                        + String.join(", ", Collections.nCopies(entries.size(), "(?, ?, ?, ?)")))
                .params(values).update();
        for (int i = 0; i < entries.size(); i++) {
            move(accounts[i], entries.get(i), journal.guards(entries.get(i).account()));
        }
        return new Posted(new JournalId(id), false);
    }

    private List<Journal.Entry> entriesOf(long journal) {
        return jdbc.sql("""
                        select a.code, a.type, a.may_go_negative, e.amount_fen, e.currency from ledger_entry e
                        join ledger_account a on a.id = e.account_id where e.journal_id = ? order by e.id""")
                .param(journal)
                .query((rs, n) -> new Journal.Entry(new LedgerAccount(rs.getString(1), AccountType.valueOf(rs.getString(2)), rs.getBoolean(3)),
                        new Money(rs.getLong(4), java.util.Currency.getInstance(rs.getString(5)))))
                .list();
    }

    private static Map<String, Money> netPerAccount(List<Journal.Entry> entries) {
        Map<String, Money> net = new TreeMap<>();
        entries.forEach(entry -> net.merge(entry.account().code(), entry.amount(), Money::plus));
        return net;
    }

    private void move(long account, Journal.Entry entry, boolean notOverdrawing) {
        int moved = jdbc.sql("""
                        update ledger_balance set balance_fen = balance_fen + :delta
                        where account_id = :account and (:mayGoNegative or balance_fen + :delta >= 0)
                          and (not :guarded or (case when :creditSide then balance_fen + :delta <= 0 else balance_fen + :delta >= 0 end))""")
                .param("delta", entry.amount().fen()).param("account", account).param("mayGoNegative", entry.account().mayGoNegative())
                .param("guarded", notOverdrawing).param("creditSide", entry.account().type().creditSide())
                .update();
        if (moved != 1) {
            throw new InsufficientBalanceException(entry.account().code());
        }
    }

    /**
     * The account's id, opening it (with its balance row) on first use; an existing code must keep its type and sign
     * rule. Accounts are never deleted, so one seen committed is remembered, and one this transaction opened or checked
     * is remembered for the rest of it: a posting then reads nothing to find it.
     */
    private long account(LedgerAccount account) {
        OpenedInTransaction mine = openedInThisTransaction();
        Known known = mine.accounts.getOrDefault(account.code(), opened.get(account.code())); // this transaction's is the newer
        if (known != null && known.matches(account)) {
            return known.id();
        }
        jdbc.sql("insert into ledger_account (code, type, may_go_negative, reference, created_at) values (?, ?, ?, ?, ?) on conflict (code) do nothing")
                .params(account.code(), account.type().name(), account.mayGoNegative(), account.reference(), now()).update();
        if (account.reference() != null) { // opened by a posting that did not know it (a guarded update, so no row churn after)
            jdbc.sql("update ledger_account set reference = ? where code = ? and reference is null").params(account.reference(), account.code()).update();
        }
        long id = jdbc.sql("select id, type, may_go_negative from ledger_account where code = ?").param(account.code())
                .query((rs, n) -> {
                    if (!rs.getString(2).equals(account.type().name()) || rs.getBoolean(3) != account.mayGoNegative()) {
                        throw new IllegalStateException("Ledger account " + account.code() + " exists with another type or sign rule");
                    }
                    return rs.getLong(1);
                }).single();
        jdbc.sql("insert into ledger_balance (account_id, balance_fen) values (?, 0) on conflict do nothing").param(id).update();
        mine.accounts.merge(account.code(), new Known(id, account.type(), account.mayGoNegative(), account.reference() != null), Known::better);
        return id;
    }

    /** The current transaction's accounts (a transaction synchronization, so a nested new transaction has its own). */
    private OpenedInTransaction openedInThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof OpenedInTransaction mine) {
                return mine;
            }
        }
        OpenedInTransaction mine = new OpenedInTransaction();
        TransactionSynchronizationManager.registerSynchronization(mine);
        return mine;
    }

    /** Accounts a transaction opened or checked: remembered by everyone only once it commits (a rolled-back one's do not exist). */
    private final class OpenedInTransaction implements TransactionSynchronization {

        private final Map<String, Known> accounts = new HashMap<>();

        @Override
        public void afterCommit() {
            accounts.forEach((code, seen) -> opened.merge(code, seen, Known::better));
        }
    }

    /** An account known to exist with its balance row; {@code referenced}: its reference is set. */
    private record Known(long id, AccountType type, boolean mayGoNegative, boolean referenced) {

        boolean matches(LedgerAccount account) {
            return type == account.type() && mayGoNegative == account.mayGoNegative() && (referenced || account.reference() == null);
        }

        static Known better(Known before, Known now) {
            return before.referenced() ? before : now;
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
