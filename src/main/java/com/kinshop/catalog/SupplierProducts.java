package com.kinshop.catalog;

import com.kinshop.catalog.ProductForm.SkuForm;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.MediaStore;
import com.kinshop.shared.Money;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a supplier's staff do with their products: write them, add images, submit for review, adjust stock, take
 * them off sale. Every query is scoped to the staff's own supplier: another supplier's product is "not found".
 */
@Service
public class SupplierProducts {

    private static final int MAX_IMAGES = 9;
    private static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final PlatformSettings settings;
    private final MediaStore media;
    private final JsonMapper json;
    private final Clock clock;
    private final List<ListingGate> listingGates;

    SupplierProducts(JdbcClient jdbc, PlatformSettings settings, MediaStore media, JsonMapper json, Clock clock, List<ListingGate> listingGates) {
        this.listingGates = listingGates;
        this.jdbc = jdbc;
        this.settings = settings;
        this.media = media;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public ProductId create(SupplierId supplier, ProductForm form) {
        checkForm(form);
        long id = jdbc.sql("""
                        insert into product (supplier_id, category_id, name, subtitle, description, attributes, status, created_at, updated_at,
                                             composite_score)
                        values (?, ?, ?, ?, ?, ?::jsonb, 'DRAFT', ?, ?, (select score from product_score_default where id = 1)) returning id""")
                .params(supplier.value(), form.categoryId(), form.name().strip(), subtitle(form), sanitize(form.description()),
                        attributes(form), now(), now())
                .query(Long.class).single();
        replaceSkus(id, form.skus());
        return new ProductId(id);
    }

    @Transactional
    public void update(SupplierId supplier, ProductId product, ProductForm form) {
        requireEditable(supplier, product);
        checkForm(form);
        int updated = jdbc.sql("""
                        update product set category_id = ?, name = ?, subtitle = ?, description = ?, attributes = ?::jsonb,
                               updated_at = ?, version = version + 1
                        where id = ? and supplier_id = ? and status in ('DRAFT', 'REJECTED', 'OFF_SALE')""")
                .params(form.categoryId(), form.name().strip(), subtitle(form), sanitize(form.description()), attributes(form), now(),
                        product.value(), supplier.value())
                .update();
        if (updated != 1) {
            throw BusinessException.conflict(null, "product.not-editable");
        }
        replaceSkus(product.value(), form.skus());
    }

    @Transactional
    public String addImage(SupplierId supplier, ProductId product, byte[] image) {
        requireEditable(supplier, product);
        int count = jdbc.sql("select count(*) from product_image where product_id = ?").param(product.value()).query(Integer.class).single();
        if (count >= MAX_IMAGES) {
            throw BusinessException.invalid("image", "product.images.too-many", MAX_IMAGES);
        }
        String url = media.storeImage("products", image, MAX_IMAGE_BYTES, 1200, "image");
        jdbc.sql("insert into product_image (product_id, position, url) values (?, (select coalesce(max(position), 0) + 1 from product_image where product_id = ?), ?)")
                .params(product.value(), product.value(), url).update();
        return url;
    }

    /** Removes the {@code index}-th image (1-based, in the order shown). */
    @Transactional
    public void removeImage(SupplierId supplier, ProductId product, int index) {
        requireEditable(supplier, product);
        int removed = jdbc.sql("""
                        delete from product_image where product_id = :product and position =
                            (select position from product_image where product_id = :product order by position offset :skip limit 1)""")
                .param("product", product.value()).param("skip", Math.max(0, index - 1)).update();
        if (index < 1 || removed != 1) {
            throw BusinessException.notFound("product.image.not-found");
        }
    }

    /** DRAFT, REJECTED or OFF_SALE → PENDING_REVIEW, with at least one image and the price rule holding. */
    @Transactional
    public void submitForReview(SupplierId supplier, ProductId product) {
        requireEditable(supplier, product);
        listingGates.forEach(gate -> gate.checkMayList(supplier));
        submitUngated(supplier, product);
    }

    /**
     * The demo catalog only: it is seeded before any module that gates listing has anything to check against (the
     * demo deposits are paid in by a later seeder, through the payment provider).
     */
    void submitUngated(SupplierId supplier, ProductId product) {
        if (jdbc.sql("select count(*) from product_image where product_id = ?").param(product.value()).query(Integer.class).single() == 0) {
            throw BusinessException.invalid("images", "product.image.required");
        }
        ProductPricing.checkStored(jdbc, product, settings.platformFeeBp());
        move(supplier, product, "status in ('DRAFT', 'REJECTED', 'OFF_SALE')", ProductStatus.PENDING_REVIEW);
    }

    /**
     * The supplier exits: every product on sale goes off sale, and every one waiting for review goes back to draft, so
     * no operator can approve it onto the shelves afterwards (an approval racing this waits for its row, then finds the
     * product no longer waiting). Answers how many products were on sale.
     */
    @Transactional
    public int takeAllOffSale(SupplierId supplier) {
        jdbc.sql("update product set status = ?, updated_at = ? where supplier_id = ? and status = ?")
                .params(ProductStatus.DRAFT.name(), now(), supplier.value(), ProductStatus.PENDING_REVIEW.name()).update();
        return jdbc.sql("update product set status = ?, updated_at = ? where supplier_id = ? and status = ?")
                .params(ProductStatus.OFF_SALE.name(), now(), supplier.value(), ProductStatus.ON_SALE.name()).update();
    }

    @Transactional
    public void takeOffSale(SupplierId supplier, ProductId product) {
        move(supplier, product, "status = 'ON_SALE'", ProductStatus.OFF_SALE);
    }

    /** Adds (or with a negative delta removes) stock; never below zero, whatever else happens at the same time. */
    @Transactional
    public int adjustStock(SupplierId supplier, SkuId sku, int delta) {
        return jdbc.sql("""
                        update sku set stock = stock + :delta
                        where id = :sku and stock + :delta >= 0
                          and product_id in (select id from product where supplier_id = :supplier)
                        returning stock""")
                .param("delta", delta).param("sku", sku.value()).param("supplier", supplier.value())
                .query(Integer.class).optional()
                .orElseThrow(() -> ownsSku(supplier, sku)
                        ? BusinessException.invalid("delta", "sku.stock.negative-result")
                        : BusinessException.notFound("product.not-found"));
    }

    public List<SupplierProductRow> list(SupplierId supplier) {
        return jdbc.sql("""
                        select p.id, p.name, p.status, p.review_reason,
                               (select url from product_image i where i.product_id = p.id order by position limit 1),
                               (select min(retail_fen) from sku where product_id = p.id),
                               (select coalesce(sum(stock), 0) from sku where product_id = p.id), p.sales_count
                        from product p where p.supplier_id = ? order by p.updated_at desc, p.id desc""")
                .param(supplier.value())
                .query((rs, n) -> new SupplierProductRow(new ProductId(rs.getLong(1)), rs.getString(2), ProductStatus.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), Money.fen(rs.getLong(6)), rs.getLong(7), rs.getInt(8)))
                .list();
    }

    public record SupplierProductRow(ProductId id, String name, ProductStatus status, String reviewReason, String imageUrl,
                                     Money lowestPrice, long stock, int sales) {
    }

    private void checkForm(ProductForm form) {
        boolean category = jdbc.sql("select exists (select 1 from category where id = ?)").param(form.categoryId()).query(Boolean.class).single();
        if (!category) {
            throw BusinessException.invalid("categoryId", "category.not-found");
        }
        List<String> specs = form.skus().stream().map(sku -> sku.spec().strip()).toList();
        if (specs.stream().distinct().count() != specs.size()) {
            throw BusinessException.invalid("skus", "sku.spec.duplicate");
        }
        int fee = settings.platformFeeBp();
        for (int i = 0; i < form.skus().size(); i++) {
            SkuForm sku = form.skus().get(i);
            if (sku.commissionKind() == CommissionBudget.Kind.RATE && sku.commissionValue() > 10_000) {
                throw BusinessException.invalid("skus[" + i + "].commissionValue", "sku.commission.rate-range", sku.spec());
            }
            PricingRule.check(i, sku.spec(), Money.fen(sku.retailFen()), Money.fen(sku.supplyFen()),
                            new CommissionBudget(sku.commissionKind(), sku.commissionValue()), fee)
                    .stream().findFirst().ifPresent(ProductPricing::refuse);
        }
    }

    private void replaceSkus(long product, List<SkuForm> skus) {
        List<String> specs = skus.stream().map(sku -> sku.spec().strip()).toList();
        try {
            jdbc.sql("delete from sku where product_id = :product and not (spec = any(:specs))")
                    .param("product", product).param("specs", specs.toArray(String[]::new)).update();
        } catch (org.springframework.dao.DataIntegrityViolationException ordered) {
            // order lines keep referring to the SKUs they sold; such a SKU stays, its stock can go to zero
            throw BusinessException.conflict("skus", "sku.has-orders");
        }
        for (int i = 0; i < skus.size(); i++) {
            SkuForm sku = skus.get(i);
            jdbc.sql("""
                            insert into sku (product_id, position, spec, retail_fen, supply_fen, commission_kind, commission_value, stock)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (product_id, spec) do update set position = excluded.position, retail_fen = excluded.retail_fen,
                                supply_fen = excluded.supply_fen, commission_kind = excluded.commission_kind,
                                commission_value = excluded.commission_value, stock = excluded.stock""")
                    .params(product, i, specs.get(i), sku.retailFen(), sku.supplyFen(), sku.commissionKind().name(),
                            sku.commissionValue(), sku.stock())
                    .update();
        }
    }

    /** Locks the product row for the rest of the transaction, so edits, images and submission happen one at a time. */
    private void requireEditable(SupplierId supplier, ProductId product) {
        ProductStatus status = jdbc.sql("select status from product where id = ? and supplier_id = ? for update")
                .params(product.value(), supplier.value()).query(String.class).optional().map(ProductStatus::valueOf)
                .orElseThrow(() -> BusinessException.notFound("product.not-found"));
        if (!status.editable()) {
            throw BusinessException.conflict(null, "product.not-editable");
        }
    }

    private void move(SupplierId supplier, ProductId product, String fromCondition, ProductStatus to) {
        int changed = jdbc.sql("update product set status = ?, updated_at = ? where id = ? and supplier_id = ? and " + fromCondition)
                .params(to.name(), now(), product.value(), supplier.value()).update();
        if (changed != 1) {
            statusOf(supplier, product);
            throw BusinessException.conflict(null, "product.status.conflict");
        }
    }

    private ProductStatus statusOf(SupplierId supplier, ProductId product) {
        return jdbc.sql("select status from product where id = ? and supplier_id = ?").params(product.value(), supplier.value())
                .query(String.class).optional().map(ProductStatus::valueOf)
                .orElseThrow(() -> BusinessException.notFound("product.not-found"));
    }

    private boolean ownsSku(SupplierId supplier, SkuId sku) {
        return jdbc.sql("select exists (select 1 from sku s join product p on p.id = s.product_id where s.id = ? and p.supplier_id = ?)")
                .params(sku.value(), supplier.value()).query(Boolean.class).single();
    }

    private String attributes(ProductForm form) {
        return json.writeValueAsString(form.attributes() == null ? List.of() : form.attributes());
    }

    private static String subtitle(ProductForm form) {
        return form.subtitle() == null ? "" : form.subtitle().strip();
    }

    /** Basic formatting survives; scripts, styles, event handlers and unknown tags do not. */
    static String sanitize(String html) {
        return html == null ? "" : Jsoup.clean(html, Safelist.basic());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
