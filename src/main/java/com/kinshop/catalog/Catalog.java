package com.kinshop.catalog;

import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog as buyers see it: only sellable products (on sale, approved supplier) appear in lists and shops.
 * Search is a substring match on name and subtitle, served by a trigram index, so it works for Chinese.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

    static final String SELLABLE = "p.status = 'ON_SALE' and s.status = 'APPROVED'";
    private static final String CARD = """
            select p.id, p.name, p.subtitle, p.sales_count, p.published_at, p.composite_score, s.name as supplier,
                   (select url from product_image i where i.product_id = p.id order by position limit 1) as image,
                   (select min(retail_fen) from sku where product_id = p.id) as lowest,
                   (select max(retail_fen) from sku where product_id = p.id) as highest
            from product p join supplier s on s.id = p.supplier_id""";
    private static final TypeReference<List<ProductForm.Attribute>> ATTRIBUTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Catalog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<ProductCard> dailyNew(int limit) {
        return jdbc.sql(CARD + " where " + SELLABLE + " order by p.published_at desc, p.id desc limit ?")
                .param(limit).query(Catalog::card).list();
    }

    /** A supplier's sellable products, best sellers first (what its red packets can be spent on). */
    public List<ProductCard> sellableOf(SupplierId supplier, int limit) {
        return sellableOf(supplier, ProductSort.SALES, limit);
    }

    /** A supplier's sellable products in the given order (its public page: best composite score first). */
    public List<ProductCard> sellableOf(SupplierId supplier, ProductSort sort, int limit) {
        return jdbc.sql("select * from (" + CARD + " where " + SELLABLE + " and p.supplier_id = ?) p order by " + sort.orderBy + " limit ?")
                .params(supplier.value(), limit).query(Catalog::card).list();
    }

    /** Sellable products matching {@code query} (may be blank) in {@code category} or its sub-categories (may be null). */
    public List<ProductCard> search(String query, CategoryId category, ProductSort sort, int limit) {
        String q = query == null ? "" : query.strip();
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select * from (" + CARD + " where " + SELLABLE + """
                         and (:q = '' or p.name ilike :like or p.subtitle ilike :like
                              or p.category_id in (select c.id from category c left join category parent on parent.id = c.parent_id
                                                   where c.name ilike :like or parent.name ilike :like))
                         and (cast(:category as bigint) is null or p.category_id = :category
                              or p.category_id in (select id from category where parent_id = :category))
                        ) p order by\s""" + (sort == null ? ProductSort.DEFAULT : sort).orderBy + " limit :limit")
                .param("q", q).param("like", like).param("category", category == null ? null : category.value()).param("limit", limit)
                .query(Catalog::card).list();
    }

    /** Cards for the given products in the given order, leaving out what cannot be sold now. */
    public List<ProductCard> sellableCards(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ProductCard> byId = jdbc.sql(CARD + " where " + SELLABLE + " and p.id in (:ids)")
                .param("ids", ids.stream().map(ProductId::value).toList())
                .query(Catalog::card).list().stream()
                .collect(Collectors.toMap(card -> card.id().value(), Function.identity()));
        return ids.stream().map(id -> byId.get(id.value())).filter(java.util.Objects::nonNull).toList();
    }

    /** Each product's first picture (whatever it is now on sale or not: an order keeps showing what was bought); none left out. */
    public Map<Long, String> firstImages(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select distinct on (product_id) product_id, url from product_image where product_id in (:ids) order by product_id, position")
                .param("ids", productIds).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public boolean isSellable(ProductId product) {
        return jdbc.sql("select exists (select 1 from product p join supplier s on s.id = p.supplier_id where p.id = ? and " + SELLABLE + ")")
                .param(product.value()).query(Boolean.class).single();
    }

    /** What checkout and the cart need to know about SKUs, now. */
    public record SkuFacts(SkuId sku, ProductId product, SupplierId supplier, String supplierName, String productName, String spec,
                           Money price, Money supplyPrice, CommissionBudget budget, int available, boolean sellable, String imageUrl) {
    }

    public Map<SkuId, SkuFacts> skuFacts(Collection<SkuId> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select k.id, k.product_id, p.supplier_id, s.name as supplier, p.name, k.spec, k.retail_fen, k.supply_fen, k.commission_kind,
                               k.commission_value, k.stock, (p.status = 'ON_SALE' and s.status = 'APPROVED') as sellable,
                               (select url from product_image i where i.product_id = p.id order by position limit 1) as image
                        from sku k join product p on p.id = k.product_id join supplier s on s.id = p.supplier_id
                        where k.id in (:ids)""")
                .param("ids", skus.stream().map(SkuId::value).toList())
                .query((rs, n) -> new SkuFacts(new SkuId(rs.getLong(1)), new ProductId(rs.getLong(2)), new SupplierId(rs.getLong(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), Money.fen(rs.getLong(7)), Money.fen(rs.getLong(8)),
                        new CommissionBudget(CommissionBudget.Kind.valueOf(rs.getString(9)), rs.getLong(10)), rs.getInt(11),
                        rs.getBoolean(12), rs.getString(13)))
                .list().stream().collect(Collectors.toMap(SkuFacts::sku, Function.identity()));
    }

    public Optional<ProductDetail> product(ProductId id) {
        return jdbc.sql("""
                        select p.*, s.name as supplier, s.status as supplier_status from product p join supplier s on s.id = p.supplier_id
                        where p.id = ?""")
                .param(id.value())
                .query((rs, n) -> detail(rs))
                .optional();
    }

    private ProductDetail detail(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<String> images = jdbc.sql("select url from product_image where product_id = ? order by position").param(id).query(String.class).list();
        List<ProductDetail.SkuView> skus = jdbc.sql("select * from sku where product_id = ? order by position").param(id)
                .query((s, n) -> new ProductDetail.SkuView(new SkuId(s.getLong("id")), s.getString("spec"), Money.fen(s.getLong("retail_fen")),
                        Money.fen(s.getLong("supply_fen")),
                        new CommissionBudget(CommissionBudget.Kind.valueOf(s.getString("commission_kind")), s.getLong("commission_value")),
                        s.getInt("stock")))
                .list();
        ProductStatus status = ProductStatus.valueOf(rs.getString("status"));
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        return new ProductDetail(new ProductId(id), new SupplierId(rs.getLong("supplier_id")), rs.getString("supplier"),
                new CategoryId(rs.getLong("category_id")), rs.getString("name"), rs.getString("subtitle"), rs.getString("description"),
                json.readValue(rs.getString("attributes"), ATTRIBUTES), images, skus, status, rs.getString("review_reason"),
                status == ProductStatus.ON_SALE && "APPROVED".equals(rs.getString("supplier_status")),
                rs.getInt("sales_count"), published == null ? null : published.toInstant(), rs.getDouble("composite_score"));
    }

    private static ProductCard card(ResultSet rs, int row) throws SQLException {
        return new ProductCard(new ProductId(rs.getLong("id")), rs.getString("name"), rs.getString("subtitle"), rs.getString("image"),
                Money.fen(rs.getLong("lowest")), Money.fen(rs.getLong("highest")), rs.getInt("sales_count"), rs.getString("supplier"));
    }
}
