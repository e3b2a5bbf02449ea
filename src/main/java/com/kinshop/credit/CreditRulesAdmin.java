package com.kinshop.credit;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The operator edits the credit rules: a preview lists every supplier whose level, flag or suspension the proposed
 * rules would change; saving applies them to every supplier (standings and their products' composite scores) in the
 * same transaction. Rules that fail validation change nothing.
 */
@Service
public class CreditRulesAdmin {

    private final JdbcClient jdbc;
    private final CreditRulesBook book;
    private final ScoreKeeper scores;
    private final Suppliers suppliers;

    CreditRulesAdmin(JdbcClient jdbc, CreditRulesBook book, ScoreKeeper scores, Suppliers suppliers) {
        this.jdbc = jdbc;
        this.book = book;
        this.scores = scores;
        this.suppliers = suppliers;
    }

    /** One supplier whose standing the proposed rules would change: before (as in force now) and after. */
    public record Change(SupplierId supplier, String name, int scoreBefore, int scoreAfter, CreditLevel levelBefore, CreditLevel levelAfter,
                         boolean flaggedBefore, boolean flaggedAfter, boolean suspendedBefore, boolean suspendedAfter) {
    }

    @Transactional(readOnly = true)
    public CreditRules current() {
        return book.current();
    }

    @Transactional(readOnly = true)
    public List<Change> preview(CreditRules proposed) {
        return changes(book.current(), proposed.validated());
    }

    /** Validates, stores and applies the rules; returns who changed (the preview's list, now in force). */
    @Transactional
    public List<Change> save(AccountId operator, CreditRules proposed) {
        CreditRules rules = proposed.validated();
        CreditRules before = book.lockCurrent();
        List<Change> changes = changes(before, rules);
        book.store(rules, operator);
        double mean = scores.platformMean();
        for (SupplierId supplier : known()) {
            var assessment = scores.refreshStanding(supplier, rules, mean);
            scores.rescoreAllOf(supplier, rules, mean, assessment.flagged()); // prior weight and flagged factor reach every product
        }
        return changes;
    }

    private List<Change> changes(CreditRules inForce, CreditRules proposed) {
        double mean = scores.platformMean();
        List<Change> changes = new ArrayList<>();
        for (SupplierId supplier : known()) {
            var now = scores.stored(supplier).orElseGet(() -> {
                var a = scores.assess(supplier, inForce, mean);
                return new ScoreKeeper.Stored(a.score(), a.level(), a.flagged(), a.suspended());
            });
            var after = scores.assess(supplier, proposed, mean);
            if (now.level() != after.level() || now.flagged() != after.flagged() || now.suspended() != after.suspended()) {
                changes.add(new Change(supplier, suppliers.get(supplier).name(), now.score(), after.score(), now.level(), after.level(),
                        now.flagged(), after.flagged(), now.suspended(), after.suspended()));
            }
        }
        return changes;
    }

    /** Approved suppliers and any supplier with a stored standing, by id. */
    private TreeSet<SupplierId> known() {
        TreeSet<SupplierId> ids = new TreeSet<>(java.util.Comparator.comparingLong(SupplierId::value));
        suppliers.list(SupplierStatus.APPROVED).forEach(s -> ids.add(s.id()));
        jdbc.sql("select supplier_id from credit_standing").query(Long.class).list().forEach(id -> ids.add(new SupplierId(id)));
        return ids;
    }
}
