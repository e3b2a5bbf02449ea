package com.kinshop.flashsale;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.PlatformSettings;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Stock;
import com.kinshop.catalog.SupplierId;
import com.kinshop.counter.HotCounters;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Flash-sale sessions: supplier staff propose them, operators approve (setting their units aside from stock) or
 * reject them; everyone reads them, with the units left from the hot counter when it knows the pool, else from the
 * database's live claims.
 */
@Service
public class FlashSales {

    private static final String COLUMNS = "id, supplier_id, title, starts_at, ends_at, per_member_limit, status, review_reason";

    private final com.kinshop.credit.SupplierStanding standing;
    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final PlatformSettings settings;
    private final Stock stock;
    private final FlashMoves moves;
    private final HotCounters counters;
    private final FlashFacts facts;
    private final Clock clock;

    FlashSales(JdbcClient jdbc, Catalog catalog, PlatformSettings settings, Stock stock, FlashMoves moves, HotCounters counters, FlashFacts facts,
               Clock clock, com.kinshop.credit.SupplierStanding standing) {
        this.standing = standing;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.settings = settings;
        this.stock = stock;
        this.moves = moves;
        this.counters = counters;
        this.facts = facts;
        this.clock = clock;
    }

    /** Proposes a session awaiting review; refusals name the field and store nothing. */
    @Transactional
    public FlashSale propose(SupplierId supplier, AccountId staff, FlashSaleForm submitted) {
        standing.requireMayStartCampaign(supplier); // a supplier whose credit is below the suspend threshold starts none

        Instant now = clock.instant();
        FlashSaleForm.Checked form = submitted.checked(now);
        Map<Long, Catalog.SkuFacts> skus = catalog.skuFacts(form.items().stream().map(item -> new SkuId(item.skuId())).toList()).values().stream()
                .collect(Collectors.toMap(fact -> fact.sku().value(), fact -> fact));
        FlashPrices.check(supplier, form.items(), skus, settings.platformFeeBp());
        // more units than the SKU has now could never be set aside at approval: said to the supplier, not the operator
        for (int i = 0; i < form.items().size(); i++) {
            Catalog.SkuFacts sku = skus.get(form.items().get(i).skuId());
            if (sku != null && form.items().get(i).quantity() > sku.available()) {
                throw BusinessException.invalid("items[" + i + "].quantity", "flash.stock.short", sku.spec(), sku.available());
            }
        }
        long id = jdbc.sql("""
                        insert into flash_sale (supplier_id, title, starts_at, ends_at, per_member_limit, status, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(supplier.value(), form.title(), FlashMoves.utc(form.startsAt()), FlashMoves.utc(form.endsAt()), form.perMemberLimit(),
                        FlashReview.PENDING.name(), staff.value(), FlashMoves.utc(now))
                .query(Long.class).single();
        for (int i = 0; i < form.items().size(); i++) {
            FlashSaleForm.Item item = form.items().get(i);
            jdbc.sql("insert into flash_sale_item (sale_id, sku_id, position, flash_price_fen, quantity) values (?, ?, ?, ?, ?)")
                    .params(id, item.skuId(), i, item.flashPriceFen(), item.quantity()).update();
        }
        return get(id);
    }

    /** Approves a pending session and sets its units aside from stock; 409 naming the item when a SKU has fewer. */
    @Transactional
    public FlashSale approve(long id) {
        FlashSale sale = get(id);
        if (!sale.endsAt().isAfter(clock.instant())) {
            throw BusinessException.conflict(null, "flash.review.ended");
        }
        review(FlashReview.Move.APPROVE, sale, null);
        // in SKU order, as checkouts lock SKU rows, so an approval and a checkout never deadlock
        List<FlashSale.Item> bySku = sale.items().stream().sorted(java.util.Comparator.comparingLong(FlashSale.Item::skuId)).toList();
        for (FlashSale.Item item : bySku) {
            try {
                stock.reserve(new SkuId(item.skuId()), item.quantity());
            } catch (BusinessException short_) {
                throw BusinessException.conflict("items[" + sale.items().indexOf(item) + "].quantity", "flash.stock.short", item.spec(),
                        stock.levels(new SkuId(item.skuId())).available());
            }
        }
        facts.forget(id);
        return get(id);
    }

    @Transactional
    public FlashSale reject(long id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw BusinessException.invalid("reason", "flash.review.reason.required");
        }
        FlashSale sale = get(id);
        review(FlashReview.Move.REJECT, sale, why);
        facts.forget(id);
        return get(id);
    }

    private void review(FlashReview.Move move, FlashSale sale, String reason) {
        if (!moves.review(move, sale.id(), reason, clock.instant())) {
            throw BusinessException.conflict(null, "flash.review.already", sale.status().name());
        }
    }

    public FlashSale get(long id) {
        return find(id).orElseThrow(() -> BusinessException.notFound("flash.sale.not-found"));
    }

    /** A session buyers may see (approved), else not found. */
    public FlashSale published(long id) {
        return find(id).filter(sale -> sale.status() == FlashReview.APPROVED).orElseThrow(() -> BusinessException.notFound("flash.sale.not-found"));
    }

    Optional<FlashSale> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from flash_sale where id = ?").param(id).query(this::sale).optional();
    }

    private static final Instant NO_HORIZON = Instant.parse("9999-12-31T00:00:00Z");

    /** Approved sessions running now or starting later, soonest first (the 秒杀 channel). */
    public List<FlashSale> runningAndUpcoming(int limit) {
        return runningOrStartingBefore(NO_HORIZON, limit);
    }

    /** Approved sessions running now or starting before {@code horizon}, soonest first. */
    List<FlashSale> runningOrStartingBefore(Instant horizon, int limit) {
        return jdbc.sql("select " + COLUMNS + " from flash_sale where status = :approved and ends_at > :now and starts_at < :horizon"
                        + " order by starts_at, id limit :limit")
                .param("approved", FlashReview.APPROVED.name()).param("now", FlashMoves.utc(clock.instant()))
                .param("horizon", FlashMoves.utc(horizon)).param("limit", limit)
                .query(this::sale).list();
    }

    public List<FlashSale> ofSupplier(SupplierId supplier) {
        return jdbc.sql("select " + COLUMNS + " from flash_sale where supplier_id = ? order by id desc limit 100").param(supplier.value())
                .query(this::sale).list();
    }

    /** Every session for the operator, those awaiting review first. */
    public List<FlashSale> all() {
        return jdbc.sql("select " + COLUMNS + " from flash_sale order by (status = :pending) desc, id desc limit 100")
                .param("pending", FlashReview.PENDING.name()).query(this::sale).list();
    }

    private FlashSale sale(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Instant now = clock.instant();
        record Row(long skuId, long priceFen, int quantity) {
        }
        List<Row> rows = jdbc.sql("select sku_id, flash_price_fen, quantity from flash_sale_item where sale_id = ? order by position").param(id)
                .query((r, n) -> new Row(r.getLong(1), r.getLong(2), r.getInt(3))).list();
        Map<SkuId, Catalog.SkuFacts> skus = catalog.skuFacts(rows.stream().map(r -> new SkuId(r.skuId())).toList());
        Map<Long, Long> live = jdbc.sql("select sku_id, count(*) from flash_claim where sale_id = :id and status in (:live) group by sku_id")
                .param("id", id).param("live", StateNames.of(ClaimStatus.LIVE))
                .query((r, n) -> Map.entry(r.getLong(1), r.getLong(2))).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<FlashSale.Item> items = rows.stream().map(r -> {
            Catalog.SkuFacts sku = skus.get(new SkuId(r.skuId()));
            long counted = counters.remaining(FlashRules.pool(id, r.skuId()));
            long remaining = counted >= 0 ? counted : r.quantity() - live.getOrDefault(r.skuId(), 0L);
            return new FlashSale.Item(r.skuId(), sku == null ? 0 : sku.product().value(), sku == null ? "" : sku.productName(), sku == null ? "" : sku.spec(),
                    sku == null ? null : sku.imageUrl(), sku == null ? Money.ZERO : sku.price(), r.priceFen(), Money.fen(r.priceFen()), r.quantity(),
                    Math.max(0, remaining));
        }).toList();
        Instant startsAt = rs.getObject("starts_at", OffsetDateTime.class).toInstant();
        Instant endsAt = rs.getObject("ends_at", OffsetDateTime.class).toInstant();
        FlashReview review = FlashReview.valueOf(rs.getString("status"));
        long remaining = items.stream().mapToLong(FlashSale.Item::remaining).sum();
        String supplierName = skus.values().stream().findFirst().map(Catalog.SkuFacts::supplierName).orElse("");
        return new FlashSale(id, rs.getLong("supplier_id"), supplierName, rs.getString("title"), startsAt, endsAt, rs.getInt("per_member_limit"),
                review, rs.getString("review_reason"), FlashRules.phase(review, startsAt, endsAt, remaining, now), now, items);
    }
}
