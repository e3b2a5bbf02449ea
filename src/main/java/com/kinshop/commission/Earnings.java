package com.kinshop.commission;

import com.kinshop.identity.AccountId;
import com.kinshop.ledger.JournalText;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.shared.Money;
import com.kinshop.referral.Teams;
import com.kinshop.shared.StateNames;
import com.kinshop.shop.ShareVisits;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The member centre's figures (我的收益 / 我的团队), read from the ledger and the commission records: balances, earnings
 * by day, the orders that earned with the reason of each entry, visits and conversion, and the team at two levels.
 */
@Service
public class Earnings {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Shops shops;
    private final ShareVisits visits;
    private final Teams teams;
    private final Clock clock;

    Earnings(JdbcClient jdbc, Ledger ledger, Shops shops, ShareVisits visits, Teams teams, Clock clock) {
        this.teams = teams;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.shops = shops;
        this.visits = visits;
        this.clock = clock;
    }

    /** Balances as the member sees them: positive amounts; {@code available} is negative while a clawback is being recovered. */
    @Schema(name = "EarningsSummary")
    public record Summary(Money estimated, Money available, Money withdrawing, Money withdrawn, Money settledTotal) {

        public boolean inDebt() {
            return available.isNegative();
        }
    }

    @Schema(name = "EarningsEntry")
    public record Entry(String orderNumber, String productName, int level, String buyerNickname, Money amount, Money cancelled, Money clawedBack,
                        String status, int rateBp, String tierCode, Instant createdAt) {
    }

    public record Day(LocalDate day, Money estimated, Money settled) {
    }

    public record Journey(long visits, long visitors, long orders, double conversion) {
    }

    public record TeamMember(long id, String nickname, int level, Instant boundAt, long orders, Money sales) {
    }

    public Summary summary(AccountId member) {
        long m = member.value();
        Money withdrawn = Money.fen(jdbc.sql("select coalesce(sum(amount_fen), 0) from withdrawal where member_id = ? and status = 'PAID'").param(m)
                .query(Long.class).single());
        Money settled = Money.fen(jdbc.sql("select coalesce(sum(amount_fen - cancelled_fen - clawed_back_fen), 0) from commission where beneficiary_id = ? and status = ?")
                .params(m, CommissionStatus.SETTLED.name()).query(Long.class).single());
        return new Summary(owed(LedgerAccounts.memberEstimated(m).code()), owed(LedgerAccounts.memberAvailable(m).code()),
                owed(LedgerAccounts.memberWithdrawing(m).code()), withdrawn, settled);
    }

    /**
     * One journal's change to the member's two commission balances, from the member's side: positive is more owed to
     * them. A settlement moves estimated → available, so it is one row with both changes.
     */
    public record HistoryRow(long journal, JournalText text, Instant at, Money estimatedChange, Money availableChange) {

        private HistoryRow plus(HistoryRow other) {
            return new HistoryRow(journal, text, at, estimatedChange.plus(other.estimatedChange), availableChange.plus(other.availableChange));
        }
    }

    /** 收支明细: every change to the member's estimated and available balances, newest first, each with its reason. */
    public List<HistoryRow> history(AccountId member, int limit) {
        Map<Long, HistoryRow> rows = new LinkedHashMap<>();
        // the member's accounts are the platform's liabilities: a credit (a negative entry) is more owed to the member
        for (Ledger.Line line : ledger.lines(LedgerAccounts.memberEstimated(member.value()).code(), limit)) {
            rows.merge(line.journal().value(), new HistoryRow(line.journal().value(), line.text(), line.postedAt(), line.amount().negated(), Money.ZERO),
                    HistoryRow::plus);
        }
        for (Ledger.Line line : ledger.lines(LedgerAccounts.memberAvailable(member.value()).code(), limit)) {
            rows.merge(line.journal().value(), new HistoryRow(line.journal().value(), line.text(), line.postedAt(), Money.ZERO, line.amount().negated()),
                    HistoryRow::plus);
        }
        return rows.values().stream().sorted(Comparator.comparingLong(HistoryRow::journal).reversed()).limit(limit).toList();
    }

    public List<Entry> entries(AccountId member, int limit) {
        return jdbc.sql("""
                        select o.number, l.product_name, c.level, a.nickname, c.amount_fen, c.cancelled_fen, c.clawed_back_fen, c.status, c.rate_bp,
                               c.tier_code, c.created_at
                        from commission c join orders o on o.id = c.order_id join order_line l on l.id = c.order_line_id join account a on a.id = c.buyer_id
                        where c.beneficiary_id = ? order by c.id desc limit ?""")
                .params(member.value(), limit)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), Money.fen(rs.getLong(5)),
                        Money.fen(rs.getLong(6)), Money.fen(rs.getLong(7)), rs.getString(8), rs.getInt(9), rs.getString(10),
                        rs.getObject(11, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Commission earned per day over the last {@code days} days, by the day it was estimated. */
    public List<Day> byDay(AccountId member, int days) {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime from = today.minusDays(days - 1L).atStartOfDay(clock.getZone()).toOffsetDateTime();
        java.util.Map<LocalDate, long[]> sums = new java.util.TreeMap<>();
        for (int i = 0; i < days; i++) {
            sums.put(today.minusDays(i), new long[2]);
        }
        jdbc.sql("select created_at, amount_fen - cancelled_fen, status from commission where beneficiary_id = ? and created_at >= ?")
                .params(member.value(), from)
                .query(rs -> {
                    LocalDate day = rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toLocalDate();
                    long[] sum = sums.get(day);
                    if (sum != null) {
                        sum[CommissionStatus.valueOf(rs.getString(3)) == CommissionStatus.SETTLED ? 1 : 0] += rs.getLong(2);
                    }
                });
        return sums.entrySet().stream().map(e -> new Day(e.getKey(), Money.fen(e.getValue()[0]), Money.fen(e.getValue()[1]))).toList();
    }

    /** Visits through the member's links and how many became orders that were not refunded in full (orders ÷ visits). */
    public Journey journey(AccountId member) {
        Optional<ShopView> shop = shops.ownedBy(member);
        if (shop.isEmpty()) {
            return new Journey(0, 0, 0, 0);
        }
        ShareVisits.VisitCount count = visits.count(shop.get().id());
        long orders = jdbc.sql("""
                        select count(distinct o.id) from orders o join order_line l on l.order_id = o.id
                        where l.shop_code = :shop and o.status not in (:unpaid) and l.refunded_quantity < l.quantity""")
                .param("shop", shop.get().code()).param("unpaid", StateNames.of(OrderStatus.UNPAID)).query(Long.class).single();
        return new Journey(count.visits(), count.visitors(), orders, count.visits() == 0 ? 0 : (double) orders / count.visits());
    }

    /**
     * The member's team: level 1 (bound to them) and level 2 (bound to those), each with their paid orders and goods
     * sales (fully refunded orders and refunded goods left out); level 1 first, most recently bound first, at most
     * {@code limit}. The page comes from referral's indexes (read newest first and stopped at the limit, so a team of
     * 100,000 costs what a team of {@code limit} does), then only its members' orders are summed.
     */
    public List<TeamMember> team(AccountId member, int limit) {
        List<Teams.Place> page = teams.page(member, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, TeamMember> people = new HashMap<>();
        jdbc.sql("""
                        select a.id, a.nickname, s.orders, s.sales from account a
                        cross join lateral (select count(*) filter (where o.refunded_goods_fen < o.goods_fen - o.discount_fen) as orders,
                                                   coalesce(sum(o.goods_fen - o.discount_fen - o.refunded_goods_fen), 0) as sales from orders o
                                            where o.buyer_id = a.id and o.status not in (:unpaid)) s
                        where a.id in (:ids)""")
                .param("ids", page.stream().map(p -> p.member().value()).toList()).param("unpaid", StateNames.of(OrderStatus.UNPAID))
                .query(rs -> {
                    people.put(rs.getLong(1), new TeamMember(rs.getLong(1), rs.getString(2), 0, null, rs.getLong(3), Money.fen(rs.getLong(4))));
                });
        return page.stream().filter(p -> people.containsKey(p.member().value())).map(p -> {
            TeamMember m = people.get(p.member().value());
            return new TeamMember(m.id(), m.nickname(), p.level(), p.boundAt(), m.orders(), m.sales());
        }).toList();
    }

    /** A credit-side balance as an amount owed to the member (negative when they owe). */
    private Money owed(String accountCode) {
        return ledger.balance(accountCode).negated();
    }
}
