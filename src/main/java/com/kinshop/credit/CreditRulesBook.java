package com.kinshop.credit;

import com.kinshop.identity.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneOffset;

/** Where the operator's credit rules are kept (one row of {@code credit_rules}). */
@Component
class CreditRulesBook {

    private final JdbcClient jdbc;
    private final Clock clock;

    CreditRulesBook(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    CreditRules current() {
        return jdbc.sql("""
                        select window_days, promised_ship_hours, prior_weight, rating_weight, ship_weight, after_sales_weight, complaint_points,
                               deduction_points, flag_below, suspend_below, flagged_factor_pct from credit_rules where id = 1""")
                .query((rs, n) -> new CreditRules(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11)))
                .optional().orElse(CreditRules.DEFAULTS);
    }

    /** Locks the row, so two operators saving at once apply one after the other. */
    CreditRules lockCurrent() {
        jdbc.sql("select id from credit_rules where id = 1 for update").query(Integer.class).optional();
        return current();
    }

    void store(CreditRules rules, AccountId operator) {
        jdbc.sql("""
                        update credit_rules set window_days = ?, promised_ship_hours = ?, prior_weight = ?, rating_weight = ?, ship_weight = ?,
                               after_sales_weight = ?, complaint_points = ?, deduction_points = ?, flag_below = ?, suspend_below = ?,
                               flagged_factor_pct = ?, updated_by = ?, updated_at = ? where id = 1""")
                .params(rules.windowDays(), rules.promisedShipHours(), rules.priorWeight(), rules.ratingWeight(), rules.shipWeight(),
                        rules.afterSalesWeight(), rules.complaintPoints(), rules.deductionPoints(), rules.flagBelow(), rules.suspendBelow(),
                        rules.flaggedFactorPct(), operator == null ? null : operator.value(), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }
}
