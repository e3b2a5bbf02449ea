package com.kinshop.flashsale;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.OffsetDateTime;

/** What the operator and the supplier see of a session: attempts at the gate, units won, paid and given back, sell-out time. */
@Service
public class FlashFigures {

    private final JdbcClient jdbc;
    private final FlashAttempts attempts;
    private final FlashSales sales;

    FlashFigures(JdbcClient jdbc, FlashAttempts attempts, FlashSales sales) {
        this.jdbc = jdbc;
        this.attempts = attempts;
        this.sales = sales;
    }

    @Schema(name = "FlashSaleFigures")
    public record Figures(long flashSaleId,
                          @Schema(description = "Buy attempts that reached the counter (every node's, written about once a second)") long attempts,
                          @Schema(description = "Attempts that won a unit (claims written, whatever became of them)") long successes,
                          @Schema(description = "Claims whose order is paid") long paid,
                          @Schema(description = "Claims whose order was cancelled unpaid: their unit went back") long released,
                          @Schema(description = "Claims whose order could not be written: their unit went back") long failed,
                          @Schema(description = "Units set aside") long quantity,
                          @Schema(description = "Units not held by a live claim") long remaining,
                          @Schema(description = "When the last unit was first taken, or null") Instant soldOutAt) {
    }

    public Figures of(long saleId) {
        FlashSale sale = sales.get(saleId);
        record Counts(long attempts, Instant soldOutAt, long claims, long paid, long released, long failed) {
        }
        Counts counts = jdbc.sql("""
                        select s.attempts, s.sold_out_at, count(c.id), count(c.id) filter (where c.status = :paid),
                               count(c.id) filter (where c.status = :released), count(c.id) filter (where c.status = :failed)
                        from flash_sale s left join flash_claim c on c.sale_id = s.id where s.id = :sale group by s.id""")
                .param("sale", saleId).param("paid", ClaimStatus.PAID.name()).param("released", ClaimStatus.RELEASED.name())
                .param("failed", ClaimStatus.FAILED.name())
                .query((rs, n) -> {
                    OffsetDateTime soldOut = rs.getObject(2, OffsetDateTime.class);
                    return new Counts(rs.getLong(1), soldOut == null ? null : soldOut.toInstant(), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6));
                }).single();
        long quantity = sale.items().stream().mapToLong(FlashSale.Item::quantity).sum();
        return new Figures(saleId, counts.attempts() + attempts.unwritten(saleId), counts.claims() - counts.failed(), counts.paid(), counts.released(),
                counts.failed(), quantity, sale.remaining(), counts.soldOutAt());
    }
}
