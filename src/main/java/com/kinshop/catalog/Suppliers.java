package com.kinshop.catalog;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountView;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.Role;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.shared.UniqueConstraints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Supplier onboarding (入驻): a member applies, an operator approves (the applicant becomes the supplier's staff)
 * or rejects with a reason; operators can suspend and reinstate. Every transition is a guarded update.
 */
@Service
public class Suppliers {

    private static final String SELECT = """
            select s.id, s.name, s.contact_name, s.contact_phone, s.licence_no, s.deposit_fen, s.status, s.review_reason,
                   s.applicant_account_id, s.created_at,
                   coalesce((select string_agg(c.name, '、' order by c.position, c.id) from supplier_category sc
                             join category c on c.id = sc.category_id where sc.supplier_id = s.id), '') as categories
            from supplier s""";

    private static final long MAX_SHIPPING_FEN = 100_000L;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    Suppliers(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public SupplierId apply(AccountId applicant, SupplierApplication application) {
        if (supplierOf(applicant).isPresent()) {
            throw BusinessException.conflict(null, "supplier.already-staff");
        }
        long topLevel = jdbc.sql("select count(*) from category where id in (:ids) and parent_id is null")
                .param("ids", application.categoryIds()).query(Long.class).single();
        if (topLevel != application.categoryIds().stream().distinct().count()) {
            throw BusinessException.invalid("categoryIds", "supplier.categories.invalid");
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into supplier (name, contact_name, contact_phone, licence_no, deposit_fen, status, applicant_account_id, created_at)
                            values (?, ?, ?, ?, ?, 'PENDING', ?, ?) returning id""")
                    .params(application.companyName().strip(), application.contactName().strip(), application.contactPhone(),
                            application.licenceNo(), Money.yuan(String.valueOf(application.depositYuan())).fen(), applicant.value(), now())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            // which unique constraint fired: the one open application per applicant, or the licence number
            throw UniqueConstraints.violated(e, "supplier_one_pending_per_applicant")
                    ? BusinessException.conflict(null, "supplier.application.pending")
                    : BusinessException.conflict("licenceNo", "supplier.licence.taken");
        }
        application.categoryIds().stream().distinct().forEach(category ->
                jdbc.sql("insert into supplier_category (supplier_id, category_id) values (?, ?)").params(id, category).update());
        return new SupplierId(id);
    }

    /** Approves a pending application; its applicant becomes the supplier's first staff account. */
    @Transactional
    public void approve(AccountId operator, SupplierId supplier) {
        transition(supplier, SupplierStatus.PENDING, SupplierStatus.APPROVED, operator, null);
        AccountId applicant = get(supplier).applicant();
        linkStaff(supplier, applicant);
    }

    @Transactional
    public void reject(AccountId operator, SupplierId supplier, String reason) {
        transition(supplier, SupplierStatus.PENDING, SupplierStatus.REJECTED, operator, requireReason(reason));
    }

    @Transactional
    public void suspend(AccountId operator, SupplierId supplier, String reason) {
        transition(supplier, SupplierStatus.APPROVED, SupplierStatus.SUSPENDED, operator, requireReason(reason));
    }

    @Transactional
    public void reinstate(AccountId operator, SupplierId supplier) {
        transition(supplier, SupplierStatus.SUSPENDED, SupplierStatus.APPROVED, operator, null);
    }

    /**
     * An operator links an existing account to a supplier as staff. Only operators: linking grants a role and ends the
     * account's sessions, which no supplier may do to someone else's account.
     */
    @Transactional
    public AccountView addStaff(SupplierId supplier, String phone) {
        if (get(supplier).status() != SupplierStatus.APPROVED) {
            throw BusinessException.conflict(null, "supplier.status.conflict");
        }
        AccountView account = accounts.findByPhone(phone).orElseThrow(() -> BusinessException.invalid("phone", "supplier.staff.unknown-phone"));
        linkStaff(supplier, account.id());
        return account;
    }

    /** The supplier's shipping rule; free shipping until it sets one. */
    public ShippingRule shippingRule(SupplierId supplier) {
        return jdbc.sql("select flat_fee_fen, free_over_fen from supplier_shipping where supplier_id = ?").param(supplier.value())
                .query((rs, n) -> new ShippingRule(Money.fen(rs.getLong(1)), rs.getObject(2) == null ? null : Money.fen(rs.getLong(2))))
                .optional().orElse(ShippingRule.FREE);
    }

    @Transactional
    public ShippingRule changeShippingRule(SupplierId supplier, long flatFeeFen, Long freeOverFen) {
        if (flatFeeFen < 0 || flatFeeFen > MAX_SHIPPING_FEN) {
            throw BusinessException.invalid("flatFeeFen", "shipping.fee.range");
        }
        if (freeOverFen != null && (freeOverFen <= 0 || freeOverFen > ProductForm.MAX_FEN)) {
            throw BusinessException.invalid("freeOverFen", "shipping.threshold.range");
        }
        jdbc.sql("""
                        insert into supplier_shipping (supplier_id, flat_fee_fen, free_over_fen) values (?, ?, ?)
                        on conflict (supplier_id) do update set flat_fee_fen = excluded.flat_fee_fen, free_over_fen = excluded.free_over_fen""")
                .params(supplier.value(), flatFeeFen, freeOverFen).update();
        return shippingRule(supplier);
    }

    public Optional<SupplierId> supplierOf(AccountId account) {
        return jdbc.sql("select supplier_id from supplier_staff where account_id = ?").param(account.value())
                .query(Long.class).optional().map(SupplierId::new);
    }

    public List<AccountView> staff(SupplierId supplier) {
        return jdbc.sql("select account_id from supplier_staff where supplier_id = ? order by account_id").param(supplier.value())
                .query(Long.class).list().stream().map(id -> accounts.get(new AccountId(id))).toList();
    }

    public SupplierView get(SupplierId supplier) {
        return jdbc.sql(SELECT + " where s.id = ?").param(supplier.value()).query(Suppliers::view).optional()
                .orElseThrow(() -> BusinessException.notFound("supplier.not-found"));
    }

    public List<SupplierView> list(SupplierStatus status) {
        return status == null
                ? jdbc.sql(SELECT + " order by s.id desc").query(Suppliers::view).list()
                : jdbc.sql(SELECT + " where s.status = ? order by s.id desc").param(status.name()).query(Suppliers::view).list();
    }

    /** The latest application of an account, for its status page. */
    public Optional<SupplierView> latestApplicationOf(AccountId applicant) {
        return jdbc.sql(SELECT + " where s.applicant_account_id = ? order by s.id desc limit 1").param(applicant.value())
                .query(Suppliers::view).optional();
    }

    private void linkStaff(SupplierId supplier, AccountId account) {
        try {
            jdbc.sql("insert into supplier_staff (supplier_id, account_id) values (?, ?)").params(supplier.value(), account.value()).update();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict("phone", "supplier.staff.taken");
        }
        accounts.grantRole(account, Role.SUPPLIER_STAFF);
    }

    private void transition(SupplierId supplier, SupplierStatus from, SupplierStatus to, AccountId operator, String reason) {
        int changed = jdbc.sql("""
                        update supplier set status = ?, review_reason = ?, reviewed_by = ?, reviewed_at = ?
                        where id = ? and status = ?""")
                .params(to.name(), reason, operator.value(), now(), supplier.value(), from.name())
                .update();
        if (changed != 1) {
            get(supplier); // 404 if it does not exist
            throw BusinessException.conflict(null, "supplier.status.conflict");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw BusinessException.invalid("reason", "review.reason.required");
        }
        return reason.strip();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static SupplierView view(ResultSet rs, int row) throws SQLException {
        String categories = rs.getString("categories");
        return new SupplierView(new SupplierId(rs.getLong("id")), rs.getString("name"), rs.getString("contact_name"),
                rs.getString("contact_phone"), rs.getString("licence_no"), Money.fen(rs.getLong("deposit_fen")),
                SupplierStatus.valueOf(rs.getString("status")), rs.getString("review_reason"),
                new AccountId(rs.getLong("applicant_account_id")),
                categories.isEmpty() ? List.of() : Arrays.asList(categories.split("、")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
