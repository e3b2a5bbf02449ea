package com.kinshop.bargain;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.PlatformSettings;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import static com.kinshop.bargain.BargainMoves.utc;

/** Bargain campaigns: supplier staff submit them, the operator approves or rejects them, members and consoles read them. */
@Service
public class BargainCampaigns {

    static final String COLUMNS = """
            k.id, k.supplier_id, k.sku_id, k.product_id, k.product_name, k.spec, k.image_url, k.normal_fen, k.floor_fen, k.helpers_needed,
            k.time_limit_s, k.units, k.sold, k.reserved, k.per_member_limit, k.new_members_only, k.status, k.decision_reason, k.starts_at, k.ends_at""";

    private final com.kinshop.credit.SupplierStanding standing;
    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Suppliers suppliers;
    private final PlatformSettings settings;
    private final BargainMoves moves;
    private final BargainPolicy policy;
    private final Clock clock;

    BargainCampaigns(JdbcClient jdbc, Catalog catalog, Suppliers suppliers, PlatformSettings settings, BargainMoves moves, BargainPolicy policy,
                     Clock clock, com.kinshop.credit.SupplierStanding standing) {
        this.standing = standing;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.suppliers = suppliers;
        this.settings = settings;
        this.moves = moves;
        this.policy = policy;
        this.clock = clock;
    }

    /** Submits a campaign for the operator's approval; the SKU must be the supplier's own, on sale, and the floor within the rules. */
    @Transactional
    public BargainCampaign create(SupplierId supplier, AccountId staff, CampaignForm submitted) {
        standing.requireMayStartCampaign(supplier); // a supplier whose credit is below the suspend threshold starts none

        Instant now = clock.instant();
        CampaignForm form = submitted.checked(now);
        Catalog.SkuFacts sku = ownSellableSku(supplier, form.skuId());
        form.checkFloor(sku, settings.platformFeeBp(), policy.cuts(form.helpersNeeded()));
        long id = jdbc.sql("""
                        insert into bargain_campaign (supplier_id, sku_id, product_id, product_name, spec, image_url, normal_fen, floor_fen, helpers_needed,
                                                      time_limit_s, units, per_member_limit, new_members_only, starts_at, ends_at, status, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(supplier.value(), sku.sku().value(), sku.product().value(), sku.productName(), sku.spec(), sku.imageUrl(), sku.price().fen(),
                        form.floorPriceFen(), form.helpersNeeded(), form.timeLimitDuration().toSeconds(), form.units(), form.perMemberLimit(),
                        form.newMembersOnly(), utc(form.startsAt()), utc(form.endsAt()), CampaignStatus.PENDING_APPROVAL.name(), staff.value(), utc(now))
                .query(Long.class).single();
        return get(id);
    }

    /**
     * The operator's decision. Approval checks the floor against the price rule again (the platform fee or the SKU's
     * supply price may have changed since it was submitted); a rejection needs a reason the supplier will read.
     */
    @Transactional
    public BargainCampaign decide(long id, boolean approve, String reason) {
        BargainCampaign campaign = get(id);
        String trimmed = reason == null ? "" : reason.strip();
        if (!approve && (trimmed.isEmpty() || trimmed.length() > 200)) {
            throw BusinessException.invalid("reason", "bargain.reject.reason");
        }
        if (approve) {
            // against the campaign's own normal price, with the SKU's supply price and budget as they are now
            Catalog.SkuFacts sku = catalog.skuFacts(List.of(campaign.sku())).get(campaign.sku());
            CampaignForm.checkFloor(campaign.floorPrice(), campaign.normalPrice(), sku.spec(), sku.supplyPrice(), sku.budget(), settings.platformFeeBp(),
                    policy.cuts(campaign.helpersNeeded()));
        }
        CampaignStatus.Move move = approve ? CampaignStatus.Move.APPROVE : CampaignStatus.Move.REJECT;
        if (!moves.campaign(move, id, approve ? null : trimmed, clock.instant())) {
            throw BusinessException.conflict(null, "bargain.campaign.decided");
        }
        return get(id);
    }

    public BargainCampaign get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound("bargain.campaign.not-found"));
    }

    public Optional<BargainCampaign> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from bargain_campaign k where k.id = ?").param(id).query(this::campaign).optional();
    }

    /** Approved campaigns members can start a bargain in now, soonest end first. */
    public List<BargainCampaign> running() {
        Instant now = clock.instant();
        return jdbc.sql("select " + COLUMNS + " from bargain_campaign k where k.status = :approved and k.starts_at <= :now and k.ends_at > :now"
                        + " order by k.ends_at, k.id limit 50")
                .param("approved", CampaignStatus.APPROVED.name()).param("now", utc(now)).query(this::campaign).list();
    }

    /** The supplier's campaigns with their figures, newest first. */
    public List<CampaignFigures> ofSupplier(SupplierId supplier) {
        return figures("k.supplier_id = :supplier", Map.of("supplier", supplier.value()), "k.id desc");
    }

    /** Every campaign for the operator: those awaiting a decision first, then newest first. */
    public List<CampaignFigures> all() {
        return figures("true", Map.of(), "(k.status = :pending) desc, k.id desc");
    }

    private List<CampaignFigures> figures(String where, Map<String, Object> params, String order) {
        return jdbc.sql("select " + COLUMNS + """
                        , (select count(*) from bargain b where b.campaign_id = k.id) as started,
                          (select count(*) from bargain_cut c join bargain b on b.id = c.bargain_id
                           where b.campaign_id = k.id and c.helper_id is not null and c.helper_id <> b.starter_id) as helps,
                          (select count(*) from bargain b where b.campaign_id = k.id and b.current_fen = b.floor_fen) as at_floor,
                          (select count(*) from bargain b where b.campaign_id = k.id and b.status = :bought) as bought
                        from bargain_campaign k where """ + " " + where + " order by " + order + " limit 100")
                .params(params).param("pending", CampaignStatus.PENDING_APPROVAL.name()).param("bought", BargainStatus.BOUGHT.name())
                .query((rs, n) -> {
                    BargainCampaign campaign = campaign(rs, n);
                    int sold = rs.getInt("sold");
                    int reserved = rs.getInt("reserved");
                    return new CampaignFigures(campaign, rs.getLong("started"), rs.getLong("helps"), rs.getLong("at_floor"), rs.getLong("bought"),
                            sold, reserved, campaign.units() - sold - reserved);
                }).list();
    }

    private Catalog.SkuFacts ownSellableSku(SupplierId supplier, long skuId) {
        Catalog.SkuFacts sku = catalog.skuFacts(List.of(new SkuId(skuId))).get(new SkuId(skuId));
        if (sku == null || !sku.supplier().equals(supplier)) {
            throw BusinessException.invalid("skuId", "bargain.sku.not-own");
        }
        if (!sku.sellable()) {
            throw BusinessException.invalid("skuId", "bargain.sku.not-sellable");
        }
        return sku;
    }

    BargainCampaign campaign(ResultSet rs, int row) throws SQLException {
        SupplierId supplier = new SupplierId(rs.getLong("supplier_id"));
        CampaignStatus status = CampaignStatus.valueOf(rs.getString("status"));
        Instant startsAt = rs.getObject("starts_at", OffsetDateTime.class).toInstant();
        Instant endsAt = rs.getObject("ends_at", OffsetDateTime.class).toInstant();
        int units = rs.getInt("units");
        boolean soldOut = rs.getInt("sold") + rs.getInt("reserved") >= units;
        return new BargainCampaign(rs.getLong("id"), supplier, suppliers.get(supplier).name(), new SkuId(rs.getLong("sku_id")),
                new ProductId(rs.getLong("product_id")), rs.getString("product_name"), rs.getString("spec"), rs.getString("image_url"),
                Money.fen(rs.getLong("normal_fen")), Money.fen(rs.getLong("floor_fen")), rs.getInt("helpers_needed"),
                Duration.ofSeconds(rs.getLong("time_limit_s")).toString(), units, rs.getInt("per_member_limit"), rs.getBoolean("new_members_only"), status,
                rs.getString("decision_reason"), BargainCampaign.Phase.of(status, startsAt, endsAt, soldOut, clock.instant()), startsAt, endsAt);
    }
}
