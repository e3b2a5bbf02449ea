package com.kinshop.redpacket;

import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
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
        return claim(ClaimStatus.Move.SPEND, claimId, orderNumber, now);
    }

    Optional<MovedClaim> giveBack(long claimId, Instant now) {
        return claim(ClaimStatus.Move.RETURN, claimId, null, now);
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

    private Optional<MovedClaim> claim(ClaimStatus.Move move, long id, String orderNumber, Instant now) {
        return jdbc.sql("""
                        update red_packet_claim c set status = :to, settled_at = :now, order_number = coalesce(:order, c.order_number)
                        from red_packet_campaign k where k.id = c.campaign_id and c.id = :id and c.status in (:from)
                        returning c.id, k.supplier_id, c.amount_fen, k.name""")
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("id", id)
                .param("order", orderNumber).param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new MovedClaim(rs.getLong(1), rs.getLong(2), Money.fen(rs.getLong(3)), rs.getString(4)))
                .optional();
    }
}
