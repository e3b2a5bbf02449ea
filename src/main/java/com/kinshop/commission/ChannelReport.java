package com.kinshop.commission;

import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * For a supplier: its sales and the commission they carried, by the sharer (shop) they came through — 渠道报表. An order
 * counts for a channel while some of its units from that channel are not refunded.
 */
@Service
public class ChannelReport {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChannelReport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code shopCode} and {@code sharer} are null for sales that came through no share link. */
    public record Channel(String shopCode, String shopName, String sharer, long orders, long units, Money sales, Money commission) {
    }

    public List<Channel> of(SupplierId supplier, int days) {
        OffsetDateTime since = clock.instant().atOffset(ZoneOffset.UTC).minusDays(days);
        return jdbc.sql("""
                        select l.shop_code, s.name, a.nickname, count(distinct o.id) filter (where l.refunded_quantity < l.quantity), sum(l.quantity - l.refunded_quantity),
                               sum(l.paid_fen - l.refunded_goods_fen),
                               coalesce(sum((select sum(c.amount_fen - c.cancelled_fen - c.clawed_back_fen) from commission c where c.order_line_id = l.id)), 0)
                        from order_line l join orders o on o.id = l.order_id
                        left join shop s on s.code = l.shop_code left join account a on a.id = s.owner_account_id
                        where o.supplier_id = ? and o.paid_at >= ?
                        group by l.shop_code, s.name, a.nickname order by 6 desc""")
                .params(supplier.value(), since)
                .query((rs, n) -> new Channel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), Money.fen(rs.getLong(6)),
                        Money.fen(rs.getLong(7))))
                .list();
    }
}
