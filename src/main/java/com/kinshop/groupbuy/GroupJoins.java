package com.kinshop.groupbuy;

import com.kinshop.catalog.SkuId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.Checkouts;
import com.kinshop.ordering.OrderHolds;
import com.kinshop.ordering.OrderKind;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Opening a group and joining one: the seat, the campaign's units, the GROUP order (ordering's promotion checkout at
 * the group price) and its hold are taken in one transaction — all of them or none. The seat is a guarded update
 * (never beyond the group's size), the units another (never beyond what the campaign set aside); the member's limit is
 * counted after the campaign's row is locked, so two taps of the same member cannot both pass it.
 */
@Service
public class GroupJoins {

    /** The holder name on the orders this module holds until their group succeeds. */
    public static final String HOLDER = "groupbuy";

    private final JdbcClient jdbc;
    private final GroupCampaigns campaigns;
    private final GroupMoves moves;
    private final Checkouts checkouts;
    private final OrderHolds holds;
    private final Clock clock;
    private final Duration paymentTimeout;

    GroupJoins(JdbcClient jdbc, GroupCampaigns campaigns, GroupMoves moves, Checkouts checkouts, OrderHolds holds, Clock clock,
               @Value("${kinshop.orders.payment-timeout}") Duration paymentTimeout) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.moves = moves;
        this.checkouts = checkouts;
        this.holds = holds;
        this.clock = clock;
        this.paymentTimeout = paymentTimeout;
    }

    /** What the member asks for: a SKU of the campaign, how many, where to, and the shop code of the link they came through. */
    @Schema(name = "GroupSeatRequest", requiredProperties = {"skuId", "quantity", "addressId"})
    public record SeatRequest(@Schema(description = "Only when opening a group") Long campaignId, Long skuId, Integer quantity, Long addressId,
                              @Schema(description = "The sharer's shop code from the group or product link: binds the buyer and earns commission")
                              String shopCode) {
    }

    /** The seat taken and its order to pay ({@code /api/me/checkouts/{checkoutNumber}/payments}, or the page /me/pay/{checkoutNumber}). */
    @Schema(name = "GroupSeat")
    public record Seat(long groupId, String checkoutNumber, List<String> orderNumbers, Money payable,
                       @Schema(description = "When the group fails unless every seat is paid") Instant deadline,
                       @Schema(description = "Pay before this, or the seat is given back") Instant payBefore) {
    }

    @Transactional
    public Seat open(AccountId member, SeatRequest request) {
        if (request.campaignId() == null) {
            throw BusinessException.invalid("campaignId", "group.campaign.required");
        }
        GroupCampaign campaign = campaigns.find(request.campaignId())
                .orElseThrow(() -> BusinessException.invalid("campaignId", "group.campaign.not-found"));
        GroupCampaign.SkuPrice sku = checkedRequest(campaign, request);
        Instant now = clock.instant();
        Instant deadline = now.plus(Duration.parse(campaign.fillWithin()));
        long groupId = jdbc.sql("""
                        insert into group_buy (campaign_id, leader_id, group_size, seats_taken, status, opened_at, deadline)
                        values (?, ?, ?, 1, ?, ?, ?) returning id""")
                .params(campaign.id(), member.value(), campaign.groupSize(), GroupStatus.OPEN.name(), GroupMoves.utc(now), GroupMoves.utc(deadline))
                .query(Long.class).single();
        return seat(member, campaign, sku, request, groupId, true, deadline, now);
    }

    @Transactional
    public Seat join(AccountId member, long groupId, SeatRequest request) {
        GroupRules.GroupFacts group = facts(groupId);
        GroupCampaign campaign = campaigns.get(campaignOf(groupId));
        GroupCampaign.SkuPrice sku = checkedRequest(campaign, request);
        Instant now = clock.instant();
        GroupRules.refusal(group, member.value(), holdsLiveSeat(groupId, member), now).ifPresent(refusal -> {
            throw refusal;
        });
        if (!moves.takeSeat(groupId, now)) {
            // lost the last seat (or the group closed) to someone else meanwhile: say which, from the row as it is now
            throw GroupRules.refusal(facts(groupId), member.value(), holdsLiveSeat(groupId, member), now)
                    .orElseGet(() -> BusinessException.conflict("groupId", "group.join.full"));
        }
        return seat(member, campaign, sku, request, groupId, false, group.deadline(), now);
    }

    private Seat seat(AccountId member, GroupCampaign campaign, GroupCampaign.SkuPrice sku, SeatRequest request, long groupId, boolean leader,
                      Instant deadline, Instant now) {
        if (!moves.reserveUnits(campaign.id(), request.quantity())) {
            throw BusinessException.conflict("quantity", "group.units.gone", campaign.units().available());
        }
        // counted under the campaign's row lock taken just above: the same member's other taps wait here
        int bought = jdbc.sql("select coalesce(sum(quantity), 0) from group_seat where campaign_id = :campaign and member_id = :member and status in (:live)")
                .param("campaign", campaign.id()).param("member", member.value())
                .param("live", com.kinshop.shared.StateNames.of(SeatStatus.LIVE)).query(Integer.class).single();
        GroupRules.checkQuantity(request.quantity(), campaign.perMemberLimit(), bought);
        Duration untilDeadline = Duration.between(now, deadline);
        Duration payWithin = untilDeadline.compareTo(paymentTimeout) < 0 ? untilDeadline : paymentTimeout;
        Checkouts.Placed placed = checkouts.promotionCheckout(new Checkouts.PromotionOrder(member, new Addresses.AddressId(request.addressId()),
                new SkuId(sku.skuId()), request.quantity(), blankToNull(request.shopCode()), sku.groupPrice(), OrderKind.GROUP, ref(groupId),
                payWithin));
        String orderNumber = placed.orderNumbers().get(0);
        try {
            jdbc.sql("""
                            insert into group_seat (group_id, campaign_id, member_id, sku_id, quantity, unit_price_fen, leader, order_number,
                                                    checkout_number, status, joined_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(groupId, campaign.id(), member.value(), sku.skuId(), request.quantity(), sku.groupPrice().fen(), leader, orderNumber,
                            placed.checkoutNumber(), SeatStatus.SEATED.name(), GroupMoves.utc(now))
                    .update();
        } catch (DuplicateKeyException twice) {
            throw BusinessException.conflict("groupId", leader ? "group.join.own" : "group.join.twice");
        }
        holds.hold(orderNumber, HOLDER);
        return new Seat(groupId, placed.checkoutNumber(), placed.orderNumbers(), placed.payable(), deadline, now.plus(payWithin));
    }

    private GroupCampaign.SkuPrice checkedRequest(GroupCampaign campaign, SeatRequest request) {
        GroupRules.requireRunning(campaign.phase());
        if (request.skuId() == null) {
            throw BusinessException.invalid("skuId", "group.sku.required");
        }
        GroupCampaign.SkuPrice sku = campaign.sku(request.skuId());
        if (sku == null) {
            throw BusinessException.invalid("skuId", "group.sku.not-in-campaign");
        }
        if (request.quantity() == null || request.quantity() < 1) {
            throw BusinessException.invalid("quantity", "group.quantity.positive");
        }
        if (request.addressId() == null) {
            throw BusinessException.invalid("addressId", "group.address.required");
        }
        return sku;
    }

    private GroupRules.GroupFacts facts(long groupId) {
        return jdbc.sql("select id, leader_id, status, group_size, seats_taken, deadline from group_buy where id = ?").param(groupId)
                .query((rs, n) -> new GroupRules.GroupFacts(rs.getLong(1), rs.getLong(2), GroupStatus.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getInt(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .optional().orElseThrow(() -> BusinessException.notFound("group.not-found"));
    }

    private long campaignOf(long groupId) {
        return jdbc.sql("select campaign_id from group_buy where id = ?").param(groupId).query(Long.class).single();
    }

    private boolean holdsLiveSeat(long groupId, AccountId member) {
        return jdbc.sql("select exists (select 1 from group_seat where group_id = :group and member_id = :member and status <> :left)")
                .param("group", groupId).param("member", member.value()).param("left", SeatStatus.LEFT.name()).query(Boolean.class).single();
    }

    /** The promotion reference of a group's orders. */
    static String ref(long groupId) {
        return "group:" + groupId;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
