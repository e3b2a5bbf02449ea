package com.kinshop.ledger.web;

import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerInvariants;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** The operator's view of the ledger: the invariant check, proven from the entries, and the latest journals. */
@Tag(name = "Operator: ledger")
@Controller
class LedgerConsole {

    private final LedgerInvariants invariants;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    LedgerConsole(LedgerInvariants invariants, JdbcClient jdbc, MessageSource messages) {
        this.messages = messages;
        this.invariants = invariants;
        this.jdbc = jdbc;
    }

    /** A journal as the operator reads it: what happened, in their language, naming orders by number. */
    record RecentJournal(String kind, String description, Money moved, OffsetDateTime postedAt) {
    }

    @GetMapping("/console/admin/ledger")
    String page(Locale locale, Model model) {
        model.addAttribute("report", invariants.check());
        model.addAttribute("recent", jdbc.sql("""
                        select j.kind, j.args::text, j.description, sum(greatest(e.amount_fen, 0)), j.posted_at
                        from ledger_journal j join ledger_entry e on e.journal_id = j.id
                        group by j.id order by j.id desc limit 30""")
                .query((rs, n) -> new RecentJournal(rs.getString(1), Ledger.text(rs.getString(1), rs.getString(2), rs.getString(3)).in(messages, locale),
                        Money.fen(rs.getLong(4)), rs.getObject(5, OffsetDateTime.class)))
                .list());
        model.addAttribute("nav", "ledger");
        return "console/admin/ledger";
    }

    @Operation(summary = "Check the ledger's invariants from its entries")
    @GetMapping("/api/admin/ledger/check")
    @ResponseBody
    LedgerInvariants.Report check() {
        return invariants.check();
    }
}
