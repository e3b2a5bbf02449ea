package com.kinshop.credit;

import com.kinshop.catalog.SupplierCreditFlags;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A supplier's credit as others see it: the score, level and figures behind it over the rolling window (buyers,
 * the supplier, the operator), whether it may start campaigns (the plays ask before creating one), and the flag the
 * product review queue shows.
 */
@Service
@Transactional(readOnly = true)
public class SupplierStanding implements SupplierCreditFlags {

    private final JdbcClient jdbc;
    private final ScoreKeeper scores;
    private final Suppliers suppliers;

    SupplierStanding(JdbcClient jdbc, ScoreKeeper scores, Suppliers suppliers) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.suppliers = suppliers;
    }

    /** A supplier's credit now, with the window's figures and the parts of the score. */
    public record Credit(SupplierId supplier, String name, int score, CreditLevel level, boolean flagged, boolean suspended, int windowDays,
                         CreditScore.Figures figures, List<CreditScore.Part> parts, int flagBelow, int suspendBelow) {

        /** Points to the next level up (0 at the top). */
        public int pointsToNextLevel() {
            return level == CreditLevel.EXCELLENT ? 0 : CreditLevel.values()[level.ordinal() - 1].from() - score;
        }
    }

    public Credit of(SupplierId supplier) {
        String name = suppliers.get(supplier).name();
        CreditRules rules = scores.rules();
        CreditScore.Assessment now = scores.assess(supplier, rules, scores.platformMean());
        // flag and suspension as last stored (they change on events and rule saves); score and parts as of today's window
        var stored = scores.stored(supplier);
        return new Credit(supplier, name, now.score(), now.level(), stored.map(ScoreKeeper.Stored::flagged).orElse(now.flagged()),
                stored.map(ScoreKeeper.Stored::suspended).orElse(now.suspended()), rules.windowDays(),
                scores.figures(supplier, rules.windowDays()), now.parts(), rules.flagBelow(), rules.suspendBelow());
    }

    /** The level shown on product pages: stored when the supplier has any counted event, else what empty figures score. */
    public CreditLevel levelOf(SupplierId supplier) {
        return scores.stored(supplier).map(ScoreKeeper.Stored::level)
                .orElseGet(() -> CreditScore.assess(CreditScore.Figures.NONE, scores.platformMean(), scores.rules()).level());
    }

    /** Refuses (409, naming why) when the supplier's credit is below the suspend threshold: no new group buys, bargains, flash sales, red packets or coupons. */
    public void requireMayStartCampaign(SupplierId supplier) {
        var suspended = jdbc.sql("select score from credit_standing where supplier_id = ? and suspended").param(supplier.value())
                .query(Integer.class).optional();
        if (suspended.isPresent()) {
            throw BusinessException.conflict(null, "credit.suspended.campaigns", suspended.get(), scores.rules().suspendBelow());
        }
    }

    @Override
    public Set<SupplierId> lowCredit(Collection<SupplierId> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("select supplier_id from credit_standing where flagged and supplier_id in (:ids)")
                .param("ids", candidates.stream().map(SupplierId::value).toList())
                .query(Long.class).list().stream().map(SupplierId::new).collect(Collectors.toSet());
    }

    /** A supplier below the flag threshold, for the operator's queue. */
    public record Flagged(SupplierId supplier, String name, int score, CreditLevel level, boolean suspended, Instant since) {
    }

    public List<Flagged> flagged() {
        return jdbc.sql("select supplier_id, score, level, suspended, flagged_since from credit_standing where flagged order by score, supplier_id limit 200")
                .query((rs, n) -> new Flagged(new SupplierId(rs.getLong(1)), suppliers.get(new SupplierId(rs.getLong(1))).name(), rs.getInt(2),
                        CreditLevel.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }
}
