package com.kinshop.flashsale;

import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The one place sessions and claims change state: guarded UPDATEs whose WHERE clause holds the move's from-states and
 * whose returned row decides. A payment event delivered twice, a cancellation racing a payment, or a sweep on two nodes
 * each move a claim once, so a unit goes back to the counter at most once.
 */
@Component
class FlashMoves {

    private final JdbcClient jdbc;

    FlashMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim that moved, with what the counter needs to take its unit back. */
    record MovedClaim(long id, long saleId, long skuId, long slot, long memberId) {

        String pool() {
            return FlashRules.pool(saleId, skuId);
        }

        String holder() {
            return Long.toString(memberId);
        }
    }

    boolean review(FlashReview.Move move, long saleId, String reason, Instant now) {
        return jdbc.sql("update flash_sale set status = :to, review_reason = :reason, reviewed_at = :now where id = :id and status in (:from)")
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("id", saleId).param("now", utc(now))
                .param("reason", reason).update() == 1;
    }

    /** QUEUED → ORDERED with the order that now holds the unit. */
    boolean ordered(long claimId, String checkoutNumber, String orderNumber, Instant payBefore, Instant now) {
        ClaimStatus.Move move = ClaimStatus.Move.ORDER;
        return jdbc.sql("""
                        update flash_claim set status = :to, checkout_number = :checkout, order_number = :order, pay_before = :payBefore, ordered_at = :now
                        where id = :id and status in (:from)""")
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("id", claimId).param("checkout", checkoutNumber)
                .param("order", orderNumber).param("payBefore", utc(payBefore)).param("now", utc(now)).update() == 1;
    }

    /** QUEUED → FAILED: its order could not be written; the caller gives the unit back. */
    Optional<MovedClaim> failed(long claimId, String reason) {
        ClaimStatus.Move move = ClaimStatus.Move.FAIL;
        return jdbc.sql("update flash_claim set status = :to, failure = :reason where id = :id and status in (:from)" + RETURNING)
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("id", claimId).param("reason", reason)
                .query(FlashMoves::moved).optional();
    }

    /** Moves the claim of an order (paid, or released when it was cancelled unpaid), stamping {@code stampColumn}. */
    Optional<MovedClaim> ofOrder(ClaimStatus.Move move, String orderNumber, String stampColumn, Instant now) {
        return jdbc.sql("update flash_claim set status = :to, " + stampColumn + " = :now where order_number = :order and status in (:from)" + RETURNING)
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("order", orderNumber).param("now", utc(now))
                .query(FlashMoves::moved).optional();
    }

    /**
     * Stamps the session's first sell-out when its claims say so — every item's live claims reach its quantity — not
     * when the counter does (a stale counter can be wrong either way), at the moment the last of those claims was
     * written. Run by each batch that orders claims, after they committed: the batch of the claim that commits last
     * sees all the others, so the moment is never missed; later calls change nothing.
     */
    void soldOutIfNoneLeft(long saleId) {
        jdbc.sql("""
                        update flash_sale set sold_out_at = (select max(c.created_at) from flash_claim c where c.sale_id = flash_sale.id and c.status in (:live))
                        where id = :id and sold_out_at is null
                        and not exists (select 1 from flash_sale_item i where i.sale_id = flash_sale.id and i.quantity >
                            (select count(*) from flash_claim c where c.sale_id = i.sale_id and c.sku_id = i.sku_id and c.status in (:live)))""")
                .param("id", saleId).param("live", StateNames.of(ClaimStatus.LIVE)).update();
    }

    /** Marks the session's unsold units as given back, once, and only when no claim still waits for its order or payment. */
    boolean unitsReturned(long saleId, Instant now) {
        return jdbc.sql("""
                        update flash_sale set units_returned_at = :now where id = :id and units_returned_at is null
                        and not exists (select 1 from flash_claim c where c.sale_id = flash_sale.id and c.status in (:unsettled))""")
                .param("now", utc(now)).param("id", saleId).param("unsettled", StateNames.of(ClaimStatus.UNSETTLED)).update() == 1;
    }

    private static final String RETURNING = " returning id, sale_id, sku_id, slot, member_id";

    private static MovedClaim moved(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new MovedClaim(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
