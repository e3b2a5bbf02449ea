package com.kinshop.coupon;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.Categories;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
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

/**
 * Coupon templates: the operator's (platform-funded, any scope) and each supplier's (supplier-funded, its own
 * products only; category scope is the operator's). Every bad field is refused naming it, before anything is stored.
 */
@Service
public class CouponTemplates {

    static final String ACTIVE = "ACTIVE";
    static final String ENDED = "ENDED";
    private static final String SELECT = """
            select t.*, (select count(*) from member_coupon c where c.template_id = t.id and c.state = :used) as used,
                   (select coalesce(sum(c.discount_fen), 0) from member_coupon c where c.template_id = t.id and c.state = :used) as cost
            from coupon_template t""";

    private final com.kinshop.credit.SupplierStanding standing;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Catalog catalog;
    private final Categories categories;
    private final Suppliers suppliers;

    CouponTemplates(JdbcClient jdbc, Clock clock, Catalog catalog, Categories categories, Suppliers suppliers, com.kinshop.credit.SupplierStanding standing) {
        this.standing = standing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalog = catalog;
        this.categories = categories;
        this.suppliers = suppliers;
    }

    /** A template with its figures: claimed, used (on paid orders) and what the used ones cost the issuer. */
    public record Template(long id, SupplierId issuer, String title, CouponTerms terms, CouponScope scope, Long targetId, Instant validFrom,
                           Instant validUntil, Integer validDays, int totalQuantity, int perMemberLimit, int claimed, boolean newMember,
                           boolean active, Instant createdAt, long used, Money cost) {

        /** Whether coupons of this template apply to a product of {@code supplier} in {@code categories} (its own and its parent). */
        public boolean covers(ProductId product, SupplierId supplier, java.util.Set<Long> categories) {
            if (issuer != null && !issuer.equals(supplier)) {
                return false; // a supplier's coupon is only ever for its own products
            }
            return switch (scope) {
                case PLATFORM -> true;
                case SUPPLIER -> targetId != null && targetId == supplier.value();
                case CATEGORY -> categories.contains(targetId);
                case PRODUCT -> targetId != null && targetId == product.value();
            };
        }
    }

    /** Creates a template for {@code issuer} (null: the platform's). */
    @Transactional
    public Template create(SupplierId issuer, TemplateForm form) {
        if (issuer != null) {
            standing.requireMayStartCampaign(issuer); // the platform's own coupons are never throttled
        }
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty() || title.length() > TemplateForm.MAX_TITLE) {
            throw BusinessException.invalid("title", "coupon.title.length", TemplateForm.MAX_TITLE);
        }
        if (form.terms() == null) {
            throw BusinessException.invalid("kind", "coupon.kind.required");
        }
        CouponTerms terms = form.terms().validated();
        Long target = target(issuer, form.scope(), form.targetId());
        Instant now = clock.instant();
        if (form.validDays() == null && (form.validFrom() == null || form.validUntil() == null)) {
            throw BusinessException.invalid(form.validFrom() == null && form.validUntil() == null ? "validDays"
                    : form.validFrom() == null ? "validFrom" : "validUntil", "coupon.validity.required");
        }
        if (form.validDays() != null && (form.validFrom() != null || form.validUntil() != null)) {
            throw BusinessException.invalid("validDays", "coupon.validity.one");
        }
        if (form.validDays() != null && (form.validDays() < 1 || form.validDays() > TemplateForm.MAX_VALID_DAYS)) {
            throw BusinessException.invalid("validDays", "coupon.valid-days.range", TemplateForm.MAX_VALID_DAYS);
        }
        boolean window = form.validDays() == null;
        if (window && !form.validUntil().isAfter(form.validFrom())) {
            throw BusinessException.invalid("validUntil", "coupon.valid-until.after-from");
        }
        if (window && !form.validUntil().isAfter(now)) {
            throw BusinessException.invalid("validUntil", "coupon.valid-until.past");
        }
        if (form.totalQuantity() == null || form.totalQuantity() < 1 || form.totalQuantity() > TemplateForm.MAX_QUANTITY) {
            throw BusinessException.invalid("totalQuantity", "coupon.total.range", TemplateForm.MAX_QUANTITY);
        }
        if (form.perMemberLimit() == null || form.perMemberLimit() < 1 || form.perMemberLimit() > TemplateForm.MAX_PER_MEMBER) {
            throw BusinessException.invalid("perMemberLimit", "coupon.per-member.range", TemplateForm.MAX_PER_MEMBER);
        }
        long id = jdbc.sql("""
                        insert into coupon_template (supplier_id, title, kind, amount_fen, threshold_fen, percent_off, cap_fen, scope, target_id,
                                                     valid_from, valid_until, valid_days, total_quantity, per_member_limit, new_member, status, created_at)
                        values (:supplier, :title, :kind, :amount, :threshold, :percent, :cap, :scope, :target, :from, :until, :days, :total, :limit,
                                :newMember, :status, :now) returning id""")
                .param("supplier", issuer == null ? null : issuer.value()).param("title", title).param("kind", terms.kind().name())
                .param("amount", terms.amount() == null ? null : terms.amount().fen()).param("threshold", terms.threshold().fen())
                .param("percent", terms.percentOff()).param("cap", terms.cap() == null ? null : terms.cap().fen())
                .param("scope", form.scope().name()).param("target", target)
                .param("from", window ? utc(form.validFrom()) : null).param("until", window ? utc(form.validUntil()) : null)
                .param("days", window ? null : form.validDays()).param("total", form.totalQuantity()).param("limit", form.perMemberLimit())
                .param("newMember", form.newMember()).param("status", ACTIVE).param("now", utc(now))
                .query(Long.class).single();
        return get(issuer, id);
    }

    /** The issuer's templates, newest first (null: the platform's). */
    @Transactional(readOnly = true)
    public List<Template> list(SupplierId issuer) {
        return jdbc.sql(SELECT + " where " + (issuer == null ? "t.supplier_id is null" : "t.supplier_id = :issuer") + " order by t.id desc")
                .param("used", CouponState.USED.name()).param("issuer", issuer == null ? null : issuer.value())
                .query((rs, n) -> template(rs)).list();
    }

    /** One of the issuer's templates; someone else's is not found. */
    @Transactional(readOnly = true)
    public Template get(SupplierId issuer, long id) {
        return jdbc.sql(SELECT + " where t.id = :id and " + (issuer == null ? "t.supplier_id is null" : "t.supplier_id = :issuer"))
                .param("used", CouponState.USED.name()).param("id", id).param("issuer", issuer == null ? null : issuer.value())
                .query((rs, n) -> template(rs)).optional().orElseThrow(() -> BusinessException.notFound("coupon.template.not-found"));
    }

    /** Stops claims (coupons already held stay valid); ending an ended template changes nothing. */
    @Transactional
    public Template end(SupplierId issuer, long id) {
        Template template = get(issuer, id);
        jdbc.sql("update coupon_template set status = :ended, ended_at = :now where id = :id and status = :active")
                .param("ended", ENDED).param("now", utc(clock.instant())).param("id", template.id()).param("active", ACTIVE).update();
        return get(issuer, id);
    }

    /** The scope's target, checked against what the issuer may aim at. */
    private Long target(SupplierId issuer, CouponScope scope, Long target) {
        if (scope == null) {
            throw BusinessException.invalid("scope", "coupon.scope.required");
        }
        return switch (scope) {
            case PLATFORM -> {
                if (issuer != null) {
                    throw BusinessException.invalid("scope", "coupon.scope.supplier-own");
                }
                yield null;
            }
            case SUPPLIER -> {
                if (issuer != null) {
                    if (target != null && target != issuer.value()) {
                        throw BusinessException.invalid("targetId", "coupon.target.foreign-supplier");
                    }
                    yield issuer.value();
                }
                if (target == null) {
                    throw BusinessException.invalid("targetId", "coupon.target.required");
                }
                try {
                    yield suppliers.get(new SupplierId(target)).id().value();
                } catch (BusinessException notFound) {
                    throw BusinessException.invalid("targetId", "coupon.target.not-found");
                }
            }
            case CATEGORY -> {
                if (issuer != null) {
                    throw BusinessException.invalid("scope", "coupon.scope.category-operator-only");
                }
                boolean known = target != null && categories.tree().stream().anyMatch(node -> node.category().id().value() == target
                        || node.children().stream().anyMatch(child -> child.id().value() == target));
                if (!known) {
                    throw BusinessException.invalid("targetId", target == null ? "coupon.target.required" : "coupon.target.not-found");
                }
                yield target;
            }
            case PRODUCT -> {
                if (target == null) {
                    throw BusinessException.invalid("targetId", "coupon.target.required");
                }
                ProductDetail product = catalog.product(new ProductId(target))
                        .orElseThrow(() -> BusinessException.invalid("targetId", "coupon.target.not-found"));
                if (issuer != null && !product.supplierId().equals(issuer)) {
                    throw BusinessException.invalid("targetId", "coupon.target.foreign-product");
                }
                yield target;
            }
        };
    }

    static Template template(ResultSet rs) throws SQLException {
        CouponKind kind = CouponKind.valueOf(rs.getString("kind"));
        Long amount = (Long) rs.getObject("amount_fen");
        Long cap = (Long) rs.getObject("cap_fen");
        Long supplier = (Long) rs.getObject("supplier_id");
        return new Template(rs.getLong("id"), supplier == null ? null : new SupplierId(supplier), rs.getString("title"),
                new CouponTerms(kind, amount == null ? null : Money.fen(amount), Money.fen(rs.getLong("threshold_fen")),
                        (Integer) rs.getObject("percent_off"), cap == null ? null : Money.fen(cap)),
                CouponScope.valueOf(rs.getString("scope")), (Long) rs.getObject("target_id"), instant(rs, "valid_from"), instant(rs, "valid_until"),
                (Integer) rs.getObject("valid_days"), rs.getInt("total_quantity"), rs.getInt("per_member_limit"), rs.getInt("claimed"),
                rs.getBoolean("new_member"), ACTIVE.equals(rs.getString("status")), instant(rs, "created_at"), rs.getLong("used"),
                Money.fen(rs.getLong("cost")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
