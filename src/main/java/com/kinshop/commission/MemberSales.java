package com.kinshop.commission;

import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderEvents;
import com.kinshop.ordering.Orders;
import com.kinshop.shared.Money;
import com.kinshop.shop.Shops;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Own sales through each member's shop, per day of the display zone: what the tier check's "own sales" threshold reads.
 * Counted when an order completes, in the transaction that completes it (so once), net of what was refunded of the
 * goods (an order completes only after its after-sales window, so that amount is final). Reading a member's sales is
 * then at most a period's days of rows, however many lines the shop has sold.
 */
@Component
class MemberSales {

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Shops shops;
    private final Clock clock;

    MemberSales(JdbcClient jdbc, Orders orders, Shops shops, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.shops = shops;
        this.clock = clock;
    }

    @EventListener
    void on(OrderEvents.OrderCompleted completed) {
        Map<String, Money> byShop = new LinkedHashMap<>();
        for (Orders.SoldLine line : orders.soldLines(completed.orderId())) {
            if (line.shopCode() != null) {
                byShop.merge(line.shopCode(), line.paid().minus(line.refundedGoods()), Money::plus);
            }
        }
        LocalDate day = LocalDate.ofInstant(completed.at(), clock.getZone());
        byShop.forEach((shop, sold) -> shops.ownerOf(shop).ifPresent(owner -> jdbc.sql("""
                        insert into member_sales_day (member_id, day, sales_fen) values (?, ?, ?)
                        on conflict (member_id, day) do update set sales_fen = member_sales_day.sales_fen + excluded.sales_fen""")
                .params(owner.value(), day, sold.fen()).update()));
    }

    /** What completed through the member's shop over the last {@code days} days, today included. */
    Money since(AccountId member, int days) {
        LocalDate first = LocalDate.now(clock).minusDays(days);
        return Money.fen(jdbc.sql("select coalesce(sum(sales_fen), 0) from member_sales_day where member_id = ? and day >= ?")
                .params(member.value(), first).query(Long.class).single());
    }
}
