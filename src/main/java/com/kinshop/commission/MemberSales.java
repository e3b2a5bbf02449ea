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
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Own sales through each member's shop, per day of the display zone: what the tier check's "own sales" threshold reads.
 * Counted when an order completes, in the transaction that completes it (so once), net of the goods refunded by then;
 * a refund the operator grants on a completed order later is taken off the day the order completed, in the granting
 * transaction. Reading a member's sales is then at most a period's days of rows, however many lines the shop sold.
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
        byShop.forEach((shop, sold) -> shops.ownerOf(shop).ifPresent(owner -> add(owner, completed.at(), sold.fen())));
    }

    /** Goods refunded after the order completed no longer count as sold (before completion nothing was counted yet). */
    @EventListener
    void on(OrderEvents.RefundGranted refund) {
        if (!refund.orderCompleted() || refund.goods() == null || !refund.goods().isPositive()) {
            return;
        }
        Orders.SoldLine line = orders.soldLine(refund.orderLineId());
        if (line.shopCode() != null && line.completedAt() != null) {
            shops.ownerOf(line.shopCode()).ifPresent(owner -> add(owner, line.completedAt(), -refund.goods().fen()));
        }
    }

    private void add(AccountId owner, Instant at, long fen) {
        jdbc.sql("""
                        insert into member_sales_day (member_id, day, sales_fen) values (?, ?, ?)
                        on conflict (member_id, day) do update set sales_fen = member_sales_day.sales_fen + excluded.sales_fen""")
                .params(owner.value(), LocalDate.ofInstant(at, clock.getZone()), fen).update();
    }

    /** What completed through the member's shop over the last {@code days} days of the display zone, today included. */
    Money since(AccountId member, int days) {
        LocalDate first = LocalDate.now(clock).minusDays(Math.max(0, days - 1));
        return Money.fen(jdbc.sql("select coalesce(sum(sales_fen), 0) from member_sales_day where member_id = ? and day >= ?")
                .params(member.value(), first).query(Long.class).single());
    }
}
