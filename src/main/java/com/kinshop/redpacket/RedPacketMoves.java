package com.kinshop.redpacket;

import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The one place a campaign or a packet changes state: a guarded UPDATE with the move's from-states in its WHERE
 * clause, whose returned row decides — a timer on two nodes, or a payment event delivered twice, moves it once.
 */
@Component
class RedPacketMoves {

    private final JdbcClient jdbc;

    RedPacketMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A campaign that moved, with what its books need. */
    record MovedCampaign(long id, long supplierId, String name, Money unclaimed) {
    }

    /** A packet that moved, with what its books need. */
    record MovedClaim(long id, long supplierId, Money amount, String campaignName) {
    }

    Optional<MovedCampaign> start(long campaignId, Instant now) {
        return campaign(CampaignStatus.Move.START, campaignId, "", now);
    }

    /** Ends claiming: what was never claimed leaves {@code remaining} in the same statement, so no claim can take it after. */
    Optional<MovedCampaign> end(long campaignId, Instant now) {
        return campaign(CampaignStatus.Move.END, campaignId, ", unclaimed_returned_fen = remaining_fen, remaining_fen = 0, ended_at = :now", now);
    }

    Optional<MovedCampaign> settle(long campaignId, Instant now) {
        return campaign(CampaignStatus.Move.SETTLE, campaignId, ", settled_at = :now", now);
    }

    Optional<MovedClaim> spend(long claimId, String orderNumber, Instant now) {
        return claims(ClaimStatus.Move.SPEND, "c.id = :which", claimId, orderNumber, now).stream().findFirst();
    }

    /**
     * Every packet of the campaign still unspent, in one statement: its row locks are taken together, before any
     * ledger row, so a payment event spending one of them at that moment waits or wins — it never deadlocks with it.
     */
    List<MovedClaim> giveBackUnspent(long campaignId, Instant now) {
        return claims(ClaimStatus.Move.RETURN, "c.campaign_id = :which", campaignId, null, now);
    }

    private Optional<MovedCampaign> campaign(CampaignStatus.Move move, long id, String alsoSet, Instant now) {
        // "returning" sees the row after the update, so the unclaimed amount is read from the column it was moved to
        return jdbc.sql("update red_packet_campaign set status = :to" + alsoSet + " where id = :id and status in (:from)"
                        + " returning id, supplier_id, name, unclaimed_returned_fen")
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("id", id)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new MovedCampaign(rs.getLong(1), rs.getLong(2), rs.getString(3), Money.fen(rs.getLong(4))))
                .optional();
    }

    private List<MovedClaim> claims(ClaimStatus.Move move, String which, long id, String orderNumber, Instant now) {
        return jdbc.sql("""
                        update red_packet_claim c set status = :to, settled_at = :now, order_number = coalesce(:order, c.order_number)
                        from red_packet_campaign k where k.id = c.campaign_id and %s and c.status in (:from)
                        returning c.id, k.supplier_id, c.amount_fen, k.name""".formatted(which))
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("which", id)
                .param("order", orderNumber).param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new MovedClaim(rs.getLong(1), rs.getLong(2), Money.fen(rs.getLong(3)), rs.getString(4)))
                .list().stream().sorted(java.util.Comparator.comparingLong(MovedClaim::id)).toList();
    }
}
