package com.kinshop.redpacket;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Red-packet campaigns: supplier staff create and fund them; members and consoles read them. */
@Service
public class RedPacketCampaigns {

    static final String COLUMNS = "id, supplier_id, name, budget_fen, min_fen, max_fen, per_member_limit, remaining_fen, claimed_count, status, starts_at, ends_at";

    private final com.kinshop.credit.SupplierStanding standing;
    private final JdbcClient jdbc;
    private final RedPacketBooks books;
    private final Suppliers suppliers;
    private final Clock clock;

    RedPacketCampaigns(JdbcClient jdbc, RedPacketBooks books, Suppliers suppliers, Clock clock, com.kinshop.credit.SupplierStanding standing) {
        this.standing = standing;
        this.jdbc = jdbc;
        this.books = books;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    /**
     * Creates the campaign and holds its budget from the supplier's payable in one transaction: a budget above what the
     * supplier is owed is refused (naming {@code budgetFen}), and then nothing is stored and nothing posted.
     */
    @Transactional
    public Campaign create(SupplierId supplier, AccountId staff, CampaignForm submitted) {
        standing.requireMayStartCampaign(supplier); // a supplier whose credit is below the suspend threshold starts none

        Instant now = clock.instant();
        CampaignForm form = submitted.checked(now);
        if (form.budgetFen() > books.available(supplier.value()).fen()) {
            throw books.overBalance(supplier.value()); // said before anything is written; the guarded posting below decides under a race
        }
        CampaignStatus status = form.startsAt().isAfter(now) ? CampaignStatus.SCHEDULED : CampaignStatus.RUNNING;
        long id = jdbc.sql("""
                        insert into red_packet_campaign (supplier_id, name, budget_fen, min_fen, max_fen, per_member_limit, remaining_fen,
                                                         starts_at, ends_at, status, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(supplier.value(), form.name(), form.budgetFen(), form.minFen(), form.maxFen(), form.perMemberLimit(), form.budgetFen(),
                        utc(form.startsAt()), utc(form.endsAt()), status.name(), staff.value(), utc(now))
                .query(Long.class).single();
        books.fund(id, supplier.value(), form.name(), Money.fen(form.budgetFen()));
        return get(id);
    }

    public Campaign get(long id) {
        return jdbc.sql("select " + COLUMNS + " from red_packet_campaign where id = ?").param(id)
                .query(this::campaign).optional().orElseThrow(() -> BusinessException.notFound("redpacket.not-found"));
    }

    /** Campaigns members can claim in now or soon (not ended), soonest end first. */
    public List<Campaign> open() {
        return jdbc.sql("select " + COLUMNS + " from red_packet_campaign where status in (:open) and ends_at > :now order by ends_at, id limit 50")
                .param("open", StateNames.of(CampaignStatus.OPEN)).param("now", utc(clock.instant()))
                .query(this::campaign).list();
    }

    /** The supplier's campaigns, newest first, with where their money went. */
    public List<CampaignFigures> ofSupplier(SupplierId supplier) {
        record Sums(long id, long claimed, int spentPackets, long spent, long returned) {
        }
        List<Sums> sums = jdbc.sql("""
                        select k.id,
                               coalesce(sum(c.amount_fen), 0),
                               count(c.id) filter (where c.status = :spent),
                               coalesce(sum(c.amount_fen) filter (where c.status = :spent), 0),
                               k.unclaimed_returned_fen + coalesce(sum(c.amount_fen) filter (where c.status = :returned), 0)
                        from red_packet_campaign k left join red_packet_claim c on c.campaign_id = k.id
                        where k.supplier_id = :supplier group by k.id order by k.id desc limit 100""")
                .param("spent", ClaimStatus.SPENT.name()).param("returned", ClaimStatus.RETURNED.name()).param("supplier", supplier.value())
                .query((rs, n) -> new Sums(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5))).list();
        return sums.stream().map(sum -> {
            Campaign campaign = get(sum.id());
            Money spent = Money.fen(sum.spent());
            Money returned = Money.fen(sum.returned());
            return new CampaignFigures(campaign, Money.fen(sum.claimed()), sum.spentPackets(), spent, returned,
                    campaign.budget().minus(spent).minus(returned));
        }).toList();
    }

    /** What the supplier is owed now, the most a new budget can be. */
    public Money available(SupplierId supplier) {
        Money available = books.available(supplier.value());
        return available.isNegative() ? Money.ZERO : available;
    }

    private Campaign campaign(ResultSet rs, int row) throws SQLException {
        SupplierId supplier = new SupplierId(rs.getLong("supplier_id"));
        CampaignStatus status = CampaignStatus.valueOf(rs.getString("status"));
        Instant startsAt = rs.getObject("starts_at", OffsetDateTime.class).toInstant();
        Instant endsAt = rs.getObject("ends_at", OffsetDateTime.class).toInstant();
        long remaining = rs.getLong("remaining_fen");
        PacketDraw draw = new PacketDraw(rs.getLong("min_fen"), rs.getLong("max_fen"));
        return new Campaign(rs.getLong("id"), supplier, suppliers.get(supplier).name(), rs.getString("name"), Money.fen(rs.getLong("budget_fen")),
                Money.fen(draw.minFen()), Money.fen(draw.maxFen()), rs.getInt("per_member_limit"), Money.fen(remaining), rs.getInt("claimed_count"),
                status, Campaign.Phase.of(status, startsAt, endsAt, draw.exhausted(remaining), clock.instant()), startsAt, endsAt);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
