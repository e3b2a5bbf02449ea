package com.kinshop.review;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountView;
import com.kinshop.identity.Accounts;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading reviews: a product's shown ones (counted), a buyer's own, a supplier's, and a supplier's ratings by month. */
@Service
@Transactional(readOnly = true)
public class ReviewQueries {

    public static final int MAX_PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final Accounts accounts;

    ReviewQueries(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Schema(name = "ReviewPage")
    public record Page(List<ReviewView> reviews, int page, int size, boolean more) {
    }

    @Schema(name = "SupplierReview", description = "A review of one of the supplier's products, with whether a reply is still due")
    public record SupplierReview(ReviewView review, long orderLineId, boolean replyDue) {
    }

    @Schema(name = "MonthlyRating")
    public record MonthlyRating(String month, int count, double average) {
    }

    private static final String SELECT = """
            select r.id, r.product_id, r.spec, r.buyer_id, r.anonymous, r.product_stars, r.logistics_stars, r.service_stars, r.text,
                   r.hidden_at is not null, r.refunded, r.helpful_count, r.status, r.created_at,
                   f.text, f.hidden_at is not null, f.created_at, r.order_line_id
            from review r left join review_follow_up f on f.review_id = r.id
            """;

    /** The shown (counted) reviews of a product, filtered and sorted; {@code page} counts from 0. */
    public Page ofProduct(ProductId product, ReviewFilter filter, ReviewSort sort, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        long from = (long) Math.max(0, page) * pageSize; // a huge page number is an empty page, never an int overflow
        List<Row> rows = jdbc.sql(SELECT + " where r.product_id = ? and r.status = ?" + filter.condition + " order by " + sort.orderBy
                        + " limit ? offset ?")
                .params(product.value(), ReviewStatus.COUNTED.name(), pageSize + 1, from).query(ReviewQueries::row).list();
        List<ReviewView> views = views(rows.subList(0, Math.min(rows.size(), pageSize)));
        return new Page(views, Math.max(0, page), pageSize, rows.size() > pageSize);
    }

    /** The latest reviews of every status, for the operator's moderation queue. */
    public List<ReviewView> latest(int limit) {
        return views(jdbc.sql(SELECT + " order by r.id desc limit ?").param(limit).query(ReviewQueries::row).list());
    }

    /** The buyer's own reviews, whatever their status, newest first. */
    public List<ReviewView> ofBuyer(AccountId buyer, int limit) {
        return views(jdbc.sql(SELECT + " where r.buyer_id = ? order by r.id desc limit ?").params(buyer.value(), limit).query(ReviewQueries::row).list());
    }

    /** The order lines among these the buyer already reviewed. */
    public java.util.Set<Long> reviewedLines(AccountId buyer, java.util.Collection<Long> lineIds) {
        if (lineIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select order_line_id from review where buyer_id = :buyer and order_line_id in (:lines)")
                .param("buyer", buyer.value()).param("lines", lineIds).query(Long.class).list());
    }

    /** The supplier's shown reviews: those still awaiting a reply first (to the review or to its follow-up), then newest. */
    public List<SupplierReview> ofSupplier(SupplierId supplier, int limit) {
        List<Row> rows = jdbc.sql(SELECT + """
                         where r.supplier_id = ? and r.status = ?
                         order by (not exists (select 1 from review_reply p where p.review_id = r.id and p.part = ?)
                                   or (f.review_id is not null and not exists (select 1 from review_reply p where p.review_id = r.id and p.part = ?))) desc,
                                  r.id desc limit ?""")
                .params(supplier.value(), ReviewStatus.COUNTED.name(), ReviewPart.REVIEW.name(), ReviewPart.FOLLOW_UP.name(), limit)
                .query(ReviewQueries::row).list();
        List<ReviewView> views = views(rows);
        List<SupplierReview> result = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            ReviewView view = views.get(i);
            boolean due = view.reply() == null || (view.followUp() != null && view.followUpReply() == null);
            result.add(new SupplierReview(view, rows.get(i).orderLineId(), due));
        }
        return result;
    }

    /** The supplier's counted reviews by month (in the display zone), the latest {@code months} months, oldest first. */
    public List<MonthlyRating> monthly(SupplierId supplier, ZoneId zone, int months) {
        return jdbc.sql("""
                        select to_char(r.created_at at time zone :zone, 'YYYY-MM') as month, count(*), avg(r.product_stars)
                        from review r where r.supplier_id = :supplier and r.status = :counted and r.created_at >= now() - make_interval(months => :months)
                        group by month order by month""")
                .param("zone", zone.getId()).param("supplier", supplier.value()).param("counted", ReviewStatus.COUNTED.name()).param("months", months)
                .query((rs, n) -> new MonthlyRating(rs.getString(1), rs.getInt(2), Math.round(rs.getDouble(3) * 10) / 10.0)).list();
    }

    record Row(long id, long productId, String spec, long buyerId, boolean anonymous, int productStars, int logisticsStars, int serviceStars,
               String text, boolean hidden, boolean refunded, int helpful, ReviewStatus status, Instant createdAt, String followUpText,
               boolean followUpHidden, Instant followUpAt, long orderLineId) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime followUpAt = rs.getObject(17, OffsetDateTime.class);
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                rs.getString(9), rs.getBoolean(10), rs.getBoolean(11), rs.getInt(12), ReviewStatus.valueOf(rs.getString(13)),
                rs.getObject(14, OffsetDateTime.class).toInstant(), rs.getString(15), rs.getBoolean(16),
                followUpAt == null ? null : followUpAt.toInstant(), rs.getLong(18));
    }

    /** Images and replies of the listed reviews in two queries, names from identity. */
    private List<ReviewView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<String, List<String>> images = new HashMap<>();
        jdbc.sql("select review_id, part, url from review_image where review_id in (:ids) order by review_id, part, position").param("ids", ids)
                .query(rs -> {
                    images.computeIfAbsent(rs.getLong(1) + ":" + rs.getString(2), key -> new ArrayList<>()).add(rs.getString(3));
                });
        Map<String, ReviewView.Reply> replies = new HashMap<>();
        jdbc.sql("select review_id, part, text, hidden_at is not null, created_at from review_reply where review_id in (:ids)").param("ids", ids)
                .query(rs -> {
                    boolean hidden = rs.getBoolean(4);
                    replies.put(rs.getLong(1) + ":" + rs.getString(2),
                            new ReviewView.Reply(hidden ? null : rs.getString(3), hidden, rs.getObject(5, OffsetDateTime.class).toInstant()));
                });
        Map<Long, String> names = new HashMap<>();
        List<ReviewView> views = new ArrayList<>();
        for (Row row : rows) {
            String name = names.computeIfAbsent(row.buyerId(), id -> accounts.find(new AccountId(id)).map(AccountView::nickname).orElse(""));
            ReviewView.FollowUp followUp = row.followUpAt() == null ? null : new ReviewView.FollowUp(row.followUpHidden() ? null : row.followUpText(),
                    row.followUpHidden(), row.followUpHidden() ? List.of() : images.getOrDefault(row.id() + ":" + ReviewPart.FOLLOW_UP.name(), List.of()),
                    row.followUpAt(), Duration.between(row.createdAt(), row.followUpAt()).toDays());
            views.add(new ReviewView(row.id(), row.productId(), row.spec(), row.anonymous() ? ReviewRules.masked(name) : name, row.anonymous(),
                    row.productStars(), row.logisticsStars(), row.serviceStars(), row.hidden() ? null : row.text(), row.hidden(),
                    row.hidden() ? List.of() : images.getOrDefault(row.id() + ":" + ReviewPart.REVIEW.name(), List.of()), row.refunded(), row.helpful(),
                    row.status(), row.createdAt(), followUp, replies.get(row.id() + ":" + ReviewPart.REVIEW.name()),
                    replies.get(row.id() + ":" + ReviewPart.FOLLOW_UP.name())));
        }
        return views;
    }
}
