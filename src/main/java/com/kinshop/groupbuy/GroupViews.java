package com.kinshop.groupbuy;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountView;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads groups for pages and the API: a group with its members, the open groups of a campaign, a member's seats. */
@Service
public class GroupViews {

    private final JdbcClient jdbc;
    private final GroupCampaigns campaigns;
    private final Accounts accounts;
    private final Clock clock;

    GroupViews(JdbcClient jdbc, GroupCampaigns campaigns, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.accounts = accounts;
        this.clock = clock;
    }

    private record Row(long id, long campaignId, long leaderId, GroupStatus status, int size, int seatsTaken, int paidCount, int virtualSeats,
                       Instant deadline) {
    }

    public GroupView group(long groupId) {
        Row group = jdbc.sql("select id, campaign_id, leader_id, status, group_size, seats_taken, paid_count, virtual_seats, deadline from group_buy where id = ?")
                .param(groupId).query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), GroupStatus.valueOf(rs.getString(4)),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getObject(9, OffsetDateTime.class).toInstant()))
                .optional().orElseThrow(() -> BusinessException.notFound("group.not-found"));
        GroupCampaign campaign = campaigns.get(group.campaignId());
        record Seat(long memberId, boolean leader, SeatStatus status) {
        }
        List<GroupView.Member> members = jdbc.sql("select member_id, leader, status from group_seat where group_id = ? and status <> ? order by leader desc, id")
                .params(groupId, SeatStatus.LEFT.name())
                .query((rs, n) -> new Seat(rs.getLong(1), rs.getBoolean(2), SeatStatus.valueOf(rs.getString(3)))).list().stream()
                .map(seat -> {
                    Optional<AccountView> account = accounts.find(new AccountId(seat.memberId()));
                    return new GroupView.Member(GroupRules.masked(account.map(AccountView::nickname).orElse(null)),
                            account.map(AccountView::avatarUrl).orElse(null), seat.leader(), seat.status() != SeatStatus.SEATED);
                }).toList();
        boolean open = group.status() == GroupStatus.OPEN && group.deadline().isAfter(clock.instant());
        int seatsLeft = open ? group.size() - group.seatsTaken() : 0;
        return new GroupView(group.id(), campaign.id(), campaign.productId(), campaign.productName(), campaign.imageUrl(), group.status(), group.size(),
                group.seatsTaken(), group.paidCount(), seatsLeft, group.virtualSeats(), group.deadline(), campaign.lowestGroupPrice(),
                campaign.lowestNormalPrice(), members, campaign.virtualFill(), open && seatsLeft > 0 && campaign.running());
    }

    /** Groups of the campaign still open with seats left, the ones closest to filling first (去凑团). */
    public List<OpenGroup> openGroups(long campaignId, int limit) {
        record Open(long id, long leaderId, int seatsLeft, Instant deadline) {
        }
        return jdbc.sql("""
                        select id, leader_id, group_size - seats_taken, deadline from group_buy
                        where campaign_id = :campaign and status = :open and seats_taken < group_size and deadline > :now
                        order by group_size - seats_taken, deadline limit :limit""")
                .param("campaign", campaignId).param("open", GroupStatus.OPEN.name()).param("now", GroupMoves.utc(clock.instant()))
                .param("limit", limit)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class).toInstant())).list()
                .stream().map(open -> {
                    Optional<AccountView> leader = accounts.find(new AccountId(open.leaderId()));
                    return new OpenGroup(open.id(), GroupRules.masked(leader.map(AccountView::nickname).orElse(null)),
                            leader.map(AccountView::avatarUrl).orElse(null), open.seatsLeft(), open.deadline());
                }).toList();
    }

    /** The member's seats, newest first (a seat given back unpaid is left out). */
    public List<MyGroup> mine(AccountId member) {
        return jdbc.sql("""
                        select s.group_id, s.campaign_id, s.sku_id, s.quantity, s.unit_price_fen, s.leader, g.status, s.status, g.group_size, g.paid_count,
                               g.virtual_seats, g.deadline, s.order_number, s.checkout_number, s.refund_number
                        from group_seat s join group_buy g on g.id = s.group_id
                        where s.member_id = ? and s.status <> ? order by s.id desc limit 100""")
                .params(member.value(), SeatStatus.LEFT.name())
                .query((rs, n) -> {
                    GroupCampaign campaign = campaigns.get(rs.getLong(2));
                    GroupCampaign.SkuPrice sku = campaign.sku(rs.getLong(3));
                    GroupStatus groupStatus = GroupStatus.valueOf(rs.getString(7));
                    SeatStatus seatStatus = SeatStatus.valueOf(rs.getString(8));
                    return new MyGroup(rs.getLong(1), campaign.productName(), campaign.imageUrl(), sku == null ? "" : sku.spec(), rs.getInt(4),
                            Money.fen(rs.getLong(5)).times(rs.getInt(4)), rs.getBoolean(6), groupStatus, seatStatus, rs.getInt(9), rs.getInt(10),
                            rs.getInt(11), rs.getObject(12, OffsetDateTime.class).toInstant(), rs.getString(13), rs.getString(14),
                            MyGroup.tabOf(groupStatus, seatStatus), rs.getString(15));
                }).list();
    }

    /** Groups of a campaign with their state, for the consoles. */
    public List<GroupView> ofCampaign(long campaignId) {
        return jdbc.sql("select id from group_buy where campaign_id = ? order by id desc limit 50").param(campaignId).query(Long.class).list()
                .stream().map(this::group).toList();
    }

    /** What the product page offers when an approved campaign runs for the product: its prices and groups to join. */
    public record ProductOffer(GroupCampaign campaign, List<OpenGroup> openGroups) {
    }

    public Optional<ProductOffer> offerFor(com.kinshop.catalog.ProductId product) {
        return campaigns.runningFor(product).map(campaign -> new ProductOffer(campaign, openGroups(campaign.id(), 3)));
    }

    /** The member's live seat in the group, if any (to show 去支付 or 已参团 instead of the join form). */
    public Optional<MyGroup> seatOf(AccountId member, long groupId) {
        return mine(member).stream().filter(seat -> seat.groupId() == groupId).findFirst();
    }
}
