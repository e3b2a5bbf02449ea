package com.kinshop.payment;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares each provider's bill for a day with what we recorded: every payment and refund the provider settled must
 * be ours with the same amount and marked done, and everything we marked done that day must be on the bill. Runs every
 * night for the day before (kept per day, so the operator sees the history) and on demand.
 */
@Service
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final PaymentProviders providers;
    private final JdbcClient jdbc;
    private static final LocalDate OLDEST = LocalDate.of(2000, 1, 1);

    private final Clock clock;

    Reconciliation(PaymentProviders providers, JdbcClient jdbc, Clock clock) {
        this.providers = providers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Difference(String kind, String number, String provider, String ours) {
    }

    @Schema(name = "ReconciliationReport")
    public record Report(LocalDate day, String provider, int checked, List<Difference> differences, OffsetDateTime ranAt) {
    }

    /** Once per cluster: the lock is kept {@code nightly-lock-at-least} after the start, longer than the nodes' clocks differ. */
    @Scheduled(cron = "${kinshop.payment.reconcile-cron:0 10 0 * * *}", zone = "${kinshop.time-zone}")
    @SchedulerLock(name = "payment-reconciliation", lockAtMostFor = "PT1H", lockAtLeastFor = "${kinshop.jobs.nightly-lock-at-least:PT5M}")
    void nightly() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        List<Report> reports = run(yesterday);
        for (Report report : reports) {
            if (!report.differences().isEmpty()) {
                log.warn("Reconciliation {} {}: {} differences", report.provider(), report.day(), report.differences().size());
            }
        }
        log.info("Nightly reconciliation of {}: {} providers checked", yesterday, reports.size());
    }

    @Transactional
    public List<Report> run(LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        if (day.isAfter(today)) {
            throw BusinessException.invalid("day", "console.recon.day.future");
        }
        if (day.isBefore(OLDEST)) { // 0001-01-01 is a typo, not a day anyone was paid online
            throw BusinessException.invalid("day", "console.recon.day.too-old", OLDEST.toString());
        }
        List<Report> reports = new ArrayList<>();
        for (PaymentProvider provider : providers.all()) {
            Report report = compare(provider, day);
            jdbc.sql("""
                            insert into reconciliation_run (day, provider, checked, differences, ran_at) values (?, ?, ?, ?, ?)
                            on conflict (day, provider) do update set checked = excluded.checked, differences = excluded.differences, ran_at = excluded.ran_at""")
                    .params(day, provider.name(), report.checked(), encode(report.differences()), report.ranAt()).update();
            reports.add(report);
        }
        return reports;
    }

    /** The latest {@code runs} runs (one per day and provider), newest day first. */
    public List<Report> history(int runs) {
        return jdbc.sql("select day, provider, checked, differences, ran_at from reconciliation_run order by day desc, provider limit ?")
                .param(runs)
                .query((rs, n) -> new Report(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3), decode(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    private Report compare(PaymentProvider provider, LocalDate day) {
        OffsetDateTime from = day.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        Map<String, Long> ourPayments = amounts("select number, amount_fen from payment where provider = ? and status = 'SUCCEEDED' and succeeded_at >= ? and succeeded_at < ?",
                provider.name(), from, to);
        Map<String, Long> ourRefunds = amounts("""
                        select r.number, r.amount_fen from refund r join payment p on p.number = r.payment_number
                        where p.provider = ? and r.status = 'SUCCEEDED' and r.succeeded_at >= ? and r.succeeded_at < ?""", provider.name(), from, to);
        List<Difference> differences = new ArrayList<>();
        List<PaymentProvider.StatementLine> bill = provider.statement(day);
        for (PaymentProvider.StatementLine line : bill) {
            boolean payment = line.kind().equals("PAYMENT");
            Long ours = (payment ? ourPayments : ourRefunds).remove(line.outNo());
            if (ours == null) {
                String state = jdbc.sql(payment ? "select status from payment where number = ?" : "select status from refund where number = ?")
                        .param(line.outNo()).query(String.class).optional().orElse("MISSING");
                differences.add(new Difference(line.kind(), line.outNo(), line.amount().toPlainString(), state));
            } else if (ours != line.amount().fen()) {
                differences.add(new Difference(line.kind(), line.outNo(), line.amount().toPlainString(), Money.fen(ours).toPlainString()));
            }
        }
        ourPayments.forEach((number, fen) -> differences.add(new Difference("PAYMENT", number, "MISSING", Money.fen(fen).toPlainString())));
        ourRefunds.forEach((number, fen) -> differences.add(new Difference("REFUND", number, "MISSING", Money.fen(fen).toPlainString())));
        return new Report(day, provider.name(), bill.size(), differences, clock.instant().atOffset(ZoneOffset.UTC));
    }

    private Map<String, Long> amounts(String sql, Object... params) {
        Map<String, Long> amounts = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            amounts.put(rs.getString(1), rs.getLong(2));
        });
        return amounts;
    }

    private static String encode(List<Difference> differences) {
        StringBuilder text = new StringBuilder();
        differences.forEach(d -> text.append(String.join("\t", d.kind(), d.number(), d.provider(), d.ours())).append('\n'));
        return text.toString();
    }

    private static List<Difference> decode(String text) {
        return text.lines().filter(line -> !line.isBlank()).map(line -> line.split("\t", -1))
                .map(parts -> new Difference(parts[0], parts[1], parts[2], parts[3])).toList();
    }
}
