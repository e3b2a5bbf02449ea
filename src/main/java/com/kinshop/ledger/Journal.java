package com.kinshop.ledger;

import com.kinshop.shared.Money;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A journal to post: a unique business key (e.g. {@code payment:PAY123}), a kind with the arguments of its message
 * ({@code ledger.journal.<KIND>}, rendered in each reader's language), and entries that sum to zero in one currency. Built with {@link #builder}, validated on {@link Builder#build()}.
 * Plain Java: the rules hold before anything touches the database (which checks them again).
 */
public record Journal(String businessKey, String kind, List<String> args, List<Entry> entries, java.util.Set<String> guarded) {

    @Schema(name = "JournalEntry")
    public record Entry(LedgerAccount account, Money amount) {
    }

    public Journal {
        args = List.copyOf(args);
        entries = List.copyOf(entries);
        guarded = java.util.Set.copyOf(guarded);
    }

    /** Whether this posting may not overdraw the account (see {@link Builder#notOverdrawing}). */
    public boolean guards(LedgerAccount account) {
        return guarded.contains(account.code());
    }

    /** {@code args}: what the message of the kind names (order number, amount...), as text. */
    public static Builder builder(String businessKey, String kind, Object... args) {
        return new Builder(businessKey, kind, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The correction of a posted journal: the same entries with every amount negated. */
    static Journal reversalOf(List<Entry> entries, String businessKey, String reason) {
        return new Journal(businessKey, "REVERSAL", List.of(reason),
                entries.stream().map(e -> new Entry(e.account(), e.amount().negated())).toList(), java.util.Set.of());
    }

    public static final class Builder {

        private final String businessKey;
        private final String kind;
        private final List<String> args;
        private final List<Entry> entries = new ArrayList<>();
        private final java.util.Set<String> guarded = new java.util.HashSet<>();

        private Builder(String businessKey, String kind, List<String> args) {
            this.businessKey = businessKey;
            this.kind = kind;
            this.args = args;
        }

        /** Moves {@code amount} from {@code from} to {@code to}: a credit (negative) on one, a debit (positive) on the other. */
        public Builder move(Money amount, LedgerAccount from, LedgerAccount to) {
            return entry(from, amount.negated()).entry(to, amount);
        }

        public Builder entry(LedgerAccount account, Money amount) {
            entries.add(new Entry(Objects.requireNonNull(account), Objects.requireNonNull(amount)));
            return this;
        }

        /**
         * This posting must not overdraw {@code account} (take a credit-side account such as a member's balance past
         * zero into debt, or a debit-side one below zero), even if other postings may (a clawback may, a withdrawal
         * may not). Checked atomically with the balance update.
         */
        public Builder notOverdrawing(LedgerAccount account) {
            guarded.add(account.code());
            return this;
        }

        public Journal build() {
            if (businessKey == null || businessKey.isBlank() || businessKey.length() > 160) {
                throw new IllegalArgumentException("A journal needs a business key of at most 160 characters");
            }
            if (kind == null || !kind.matches("[A-Z_]{1,40}") || String.join("", args).length() > 400) {
                throw new IllegalArgumentException("A journal needs a kind (its message) and at most 400 characters of arguments: " + businessKey);
            }
            List<Entry> nonZero = entries.stream().filter(e -> e.amount().fen() != 0).toList();
            if (nonZero.size() < 2) {
                throw new IllegalArgumentException("A journal needs at least two non-zero entries: " + businessKey);
            }
            Money sum = Money.ZERO;
            for (Entry entry : nonZero) {
                sum = sum.plus(entry.amount()); // refuses mixed currencies
            }
            if (sum.fen() != 0) {
                throw new IllegalArgumentException("Journal " + businessKey + " does not balance: off by " + sum);
            }
            return new Journal(businessKey, kind, args, nonZero, guarded);
        }
    }
}
