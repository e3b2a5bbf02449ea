package com.kinshop.groupbuy;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.PlatformSettings;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Group-buy campaigns: supplier staff create them, operators review them and switch virtual fill; everyone reads them. */
@Service
public class GroupCampaigns {

    private static final String COLUMNS = """
            id, supplier_id, product_id, group_size, fill_within_secs, per_member_limit, units, units_reserved, units_sold,
            starts_at, ends_at, status, review_reason, virtual_fill""";

    private final com.kinshop.credit.SupplierStanding standing;
    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final PlatformSettings settings;
    private final GroupMoves moves;
    private final Clock clock;

    GroupCampaigns(JdbcClient jdbc, Catalog catalog, PlatformSettings settings, GroupMoves moves, Clock clock, com.kinshop.credit.SupplierStanding standing) {
        this.standing = standing;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.settings = settings;
        this.moves = moves;
        this.clock = clock;
    }

    /**
     * Creates a campaign awaiting review, for a product of the staff's supplier that can be sold now, with group prices
     * that keep the price rule. Refusals name the field; nothing is stored then.
     */
    @Transactional
    public GroupCampaign create(SupplierId supplier, AccountId staff, CampaignForm submitted) {
        standing.requireMayStartCampaign(supplier); // a supplier whose credit is below the suspend threshold starts none

        Instant now = clock.instant();
        CampaignForm.Checked form = submitted.checked(now);
        ProductDetail product = catalog.product(new ProductId(form.productId())).filter(found -> found.supplierId().equals(supplier))
                .orElseThrow(() -> BusinessException.invalid("productId", "group.product.not-yours"));
        if (!product.sellable()) {
            throw BusinessException.invalid("productId", "group.product.not-sellable");
        }
        Map<Long, Catalog.SkuFacts> facts = catalog.skuFacts(form.skus().stream().map(sku -> new SkuId(sku.skuId())).toList())
                .values().stream().collect(Collectors.toMap(fact -> fact.sku().value(), fact -> fact));
        GroupPrices.check(form.productId(), form.skus(), facts, settings.platformFeeBp());
        long id = jdbc.sql("""
                        insert into group_campaign (supplier_id, product_id, group_size, fill_within_secs, per_member_limit, units, starts_at, ends_at,
                                                    status, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(supplier.value(), form.productId(), form.groupSize(), (int) form.fillWithin().toSeconds(), form.perMemberLimit(), form.units(),
                        GroupMoves.utc(form.startsAt()), GroupMoves.utc(form.endsAt()), CampaignReview.PENDING.name(), staff.value(), GroupMoves.utc(now))
                .query(Long.class).single();
        form.skus().forEach(sku -> jdbc.sql("insert into group_campaign_sku (campaign_id, sku_id, group_price_fen) values (?, ?, ?)")
                .params(id, sku.skuId(), sku.groupPriceFen()).update());
        return get(id);
    }

    public GroupCampaign get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound("group.campaign.not-found"));
    }

    Optional<GroupCampaign> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from group_campaign where id = ?").param(id).query(this::campaign).optional();
    }

    /** The approved campaign running now for this product, if any (the newest when several overlap). */
    public Optional<GroupCampaign> runningFor(ProductId product) {
        Instant now = clock.instant();
        return jdbc.sql("select " + COLUMNS + " from group_campaign where product_id = :product and status = :approved"
                        + " and starts_at <= :now and ends_at > :now order by id desc limit 1")
                .param("product", product.value()).param("approved", CampaignReview.APPROVED.name()).param("now", GroupMoves.utc(now))
                .query(this::campaign).optional();
    }

    /** Approved campaigns running now, soonest end first (the home channel). */
    public List<GroupCampaign> running(int limit) {
        return jdbc.sql("select " + COLUMNS + " from group_campaign where status = :approved and starts_at <= :now and ends_at > :now"
                        + " order by ends_at, id limit :limit")
                .param("approved", CampaignReview.APPROVED.name()).param("now", GroupMoves.utc(clock.instant())).param("limit", limit)
                .query(this::campaign).list().stream().filter(campaign -> !campaign.productName().isEmpty()).toList();
    }

    public List<CampaignFigures> ofSupplier(SupplierId supplier) {
        return figures("where supplier_id = :supplier", Map.of("supplier", supplier.value()));
    }

    /** Every campaign for the operator, those awaiting review first. */
    public List<CampaignFigures> all() {
        return figures("", Map.of());
    }

    @Transactional
    public GroupCampaign approve(long id) {
        return review(CampaignReview.Move.APPROVE, id, null);
    }

    @Transactional
    public GroupCampaign reject(long id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw BusinessException.invalid("reason", "group.review.reason.required");
        }
        return review(CampaignReview.Move.REJECT, id, why);
    }

    /** Switches 模拟成团 for the campaign's groups still open (decided at each group's deadline). */
    @Transactional
    public GroupCampaign virtualFill(long id, boolean enabled) {
        if (jdbc.sql("update group_campaign set virtual_fill = ? where id = ?").params(enabled, id).update() != 1) {
            throw BusinessException.notFound("group.campaign.not-found");
        }
        return get(id);
    }

    private GroupCampaign review(CampaignReview.Move move, long id, String reason) {
        GroupCampaign campaign = get(id);
        if (!moves.review(move, id, reason, clock.instant())) {
            throw BusinessException.conflict(null, "group.review.already", campaign.review().name());
        }
        return get(id);
    }

    private List<CampaignFigures> figures(String where, Map<String, Object> params) {
        record Counts(long id, int opened, int open, int succeeded, int failed) {
        }
        List<Counts> counts = jdbc.sql("""
                        select k.id, count(g.id), count(g.id) filter (where g.status = :open), count(g.id) filter (where g.status = :succeeded),
                               count(g.id) filter (where g.status = :failed)
                        from group_campaign k left join group_buy g on g.campaign_id = k.id %s
                        group by k.id order by (k.status = :pending) desc, k.id desc limit 100""".formatted(where.replace("supplier_id", "k.supplier_id")))
                .params(params).param("open", GroupStatus.OPEN.name()).param("succeeded", GroupStatus.SUCCEEDED.name())
                .param("failed", GroupStatus.FAILED.name()).param("pending", CampaignReview.PENDING.name())
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))).list();
        return counts.stream().map(count -> new CampaignFigures(get(count.id()), count.opened(), count.open(), count.succeeded(), count.failed(),
                CampaignFigures.rate(count.succeeded(), count.failed()))).toList();
    }

    private GroupCampaign campaign(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long productId = rs.getLong("product_id");
        ProductDetail product = catalog.product(new ProductId(productId)).orElse(null);
        Map<Long, Long> groupPrices = jdbc.sql("select sku_id, group_price_fen from group_campaign_sku where campaign_id = ?").param(id)
                .query((r, n) -> Map.entry(r.getLong(1), r.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<GroupCampaign.SkuPrice> skus = product == null ? List.of() : product.skus().stream()
                .filter(sku -> groupPrices.containsKey(sku.id().value()))
                .map(sku -> new GroupCampaign.SkuPrice(sku.id().value(), sku.spec(), sku.price(), Money.fen(groupPrices.get(sku.id().value()))))
                .toList();
        Instant startsAt = rs.getObject("starts_at", OffsetDateTime.class).toInstant();
        Instant endsAt = rs.getObject("ends_at", OffsetDateTime.class).toInstant();
        CampaignReview review = CampaignReview.valueOf(rs.getString("status"));
        int units = rs.getInt("units");
        int reserved = rs.getInt("units_reserved");
        int sold = rs.getInt("units_sold");
        return new GroupCampaign(id, rs.getLong("supplier_id"), product == null ? "" : product.supplierName(), productId,
                product == null ? "" : product.name(), product == null ? null : product.mainImage(), skus, rs.getInt("group_size"),
                Duration.ofSeconds(rs.getInt("fill_within_secs")).toString(), rs.getInt("per_member_limit"), startsAt, endsAt, review,
                rs.getString("review_reason"), GroupRules.phase(review, startsAt, endsAt, clock.instant()), rs.getBoolean("virtual_fill"),
                new GroupCampaign.Units(units, sold, reserved, units - sold - reserved));
    }
}
