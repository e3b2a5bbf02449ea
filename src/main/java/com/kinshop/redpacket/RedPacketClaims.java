package com.kinshop.redpacket;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.coupon.CouponGrants;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Claiming (抢红包). The campaign's row is locked first, so claims on one campaign queue up and each draws from what
 * is really left; the amount then leaves {@code remaining} with a guarded update (remaining >= amount), and the
 * member's packet number is unique per campaign — the budget is never exceeded and no member wins more than the
 * limit, whatever arrives at once. The packet becomes a coupon in the same transaction.
 */
@Service
public class RedPacketClaims {

    /** A packet won: its amount and the coupon it became. */
    @Schema(name = "RedPacketWon")
    public record Won(long claimId, long campaignId, Money amount, long couponId, ClaimStatus status, Instant claimedAt,
                      @Schema(description = "The coupon can be used until then (the campaign's end)") Instant validUntil) {
    }

    /** A coupon's source names the campaign, so its use comes back to this module (CouponUsed). */
    static final String SOURCE_PREFIX = "redpacket:";

    private final JdbcClient jdbc;
    private final CouponGrants coupons;
    private final Suppliers suppliers;
    private final Clock clock;

    RedPacketClaims(JdbcClient jdbc, CouponGrants coupons, Suppliers suppliers, Clock clock) {
        this.jdbc = jdbc;
        this.coupons = coupons;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    @Transactional
    public Won claim(long campaignId, AccountId member) {
        record Locked(long supplierId, String name, long minFen, long maxFen, int limit, long remainingFen,
                      CampaignStatus status, Instant startsAt, Instant endsAt) {
        }
        Locked campaign = jdbc.sql("""
                        select supplier_id, name, min_fen, max_fen, per_member_limit, remaining_fen, status, starts_at, ends_at
                        from red_packet_campaign where id = ? for update""")
                .param(campaignId)
                .query((rs, n) -> new Locked(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getLong(6),
                        CampaignStatus.valueOf(rs.getString(7)), rs.getObject(8, OffsetDateTime.class).toInstant(),
                        rs.getObject(9, OffsetDateTime.class).toInstant()))
                .optional().orElseThrow(() -> BusinessException.notFound("redpacket.not-found"));
        if (suppliers.supplierOf(member).filter(own -> own.value() == campaign.supplierId()).isPresent()) {
            throw BusinessException.forbidden("redpacket.claim.own"); // staff would be paying themselves with the supplier's budget
        }
        Instant now = clock.instant();
        if (!CampaignStatus.OPEN.contains(campaign.status()) || !now.isBefore(campaign.endsAt())) {
            throw BusinessException.conflict(null, "redpacket.claim.ended");
        }
        if (now.isBefore(campaign.startsAt())) {
            throw BusinessException.conflict(null, "redpacket.claim.not-started");
        }
        int already = jdbc.sql("select count(*) from red_packet_claim where campaign_id = ? and member_id = ?")
                .params(campaignId, member.value()).query(Integer.class).single();
        if (already >= campaign.limit()) {
            throw BusinessException.conflict(null, campaign.limit() == 1 ? "redpacket.claim.already" : "redpacket.claim.limit", campaign.limit());
        }
        long amount = new PacketDraw(campaign.minFen(), campaign.maxFen()).draw(campaign.remainingFen(), ThreadLocalRandom.current())
                .orElseThrow(() -> BusinessException.conflict(null, "redpacket.claim.all-gone"));
        long claimId;
        try {
            claimId = jdbc.sql("""
                            insert into red_packet_claim (campaign_id, member_id, seq, amount_fen, status, claimed_at)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(campaignId, member.value(), already + 1, amount, ClaimStatus.CLAIMED.name(), RedPacketCampaigns.utc(now))
                    .query(Long.class).single();
        } catch (DuplicateKeyException sameMemberAtOnce) {
            throw BusinessException.conflict(null, "redpacket.claim.already");
        }
        int taken = jdbc.sql("""
                        update red_packet_campaign set remaining_fen = remaining_fen - :amount, claimed_count = claimed_count + 1
                        where id = :id and remaining_fen >= :amount""")
                .param("amount", amount).param("id", campaignId).update();
        if (taken != 1) { // the row is locked above, so this is a broken invariant, not a race
            throw new IllegalStateException("Red packet " + campaignId + " could not take " + amount + " fen from what is left");
        }
        long couponId = coupons.grant(new CouponGrants.Grant(member, new SupplierId(campaign.supplierId()), Money.fen(amount),
                campaign.endsAt(), campaign.name(), SOURCE_PREFIX + campaignId));
        jdbc.sql("update red_packet_claim set coupon_id = ? where id = ?").params(couponId, claimId).update();
        return new Won(claimId, campaignId, Money.fen(amount), couponId, ClaimStatus.CLAIMED, now, campaign.endsAt());
    }

    /** The member's packets in a campaign, first won first. */
    public List<Won> mine(long campaignId, AccountId member) {
        return jdbc.sql("""
                        select c.id, c.amount_fen, c.coupon_id, c.status, c.claimed_at, k.ends_at from red_packet_claim c
                        join red_packet_campaign k on k.id = c.campaign_id where c.campaign_id = ? and c.member_id = ? order by c.seq""")
                .params(campaignId, member.value())
                .query((rs, n) -> new Won(rs.getLong(1), campaignId, Money.fen(rs.getLong(2)), rs.getLong(3), ClaimStatus.valueOf(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }
}
