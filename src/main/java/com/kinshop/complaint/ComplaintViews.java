package com.kinshop.complaint;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Complaints as each side reads them; a complaint of someone else is "not found". */
@Service
public class ComplaintViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select number, order_number, order_line_id, subject, category, text, images::text, status, buyer_masked, supplier_name, created_at,
                   answer_deadline, answer, answered_at, overdue_at, upheld, penalty_fen, penalty_to, decision_reason, decided_at, withdrawn_at
            from complaint""";

    private final JdbcClient jdbc;

    ComplaintViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Complaint> ofBuyer(AccountId buyer, int limit) {
        return jdbc.sql(SELECT + " where buyer_id = ? order by id desc limit ?").params(buyer.value(), limit).query(ComplaintViews::view).list();
    }

    public Complaint ofBuyer(AccountId buyer, String number) {
        return jdbc.sql(SELECT + " where buyer_id = ? and number = ?").params(buyer.value(), number).query(ComplaintViews::view).optional()
                .orElseThrow(() -> BusinessException.notFound("complaint.not-found"));
    }

    /** The supplier's complaints, open ones first (soonest deadline first), then the rest newest first. */
    public List<Complaint> ofSupplier(SupplierId supplier, int limit) {
        return jdbc.sql(SELECT + " where supplier_id = :supplier order by (status in (:open)) desc,"
                        + " case when status in (:open) then answer_deadline end, id desc limit :limit")
                .param("supplier", supplier.value()).param("open", StateNames.of(ComplaintStatus.OPEN)).param("limit", limit)
                .query(ComplaintViews::view).list();
    }

    public Complaint ofSupplier(SupplierId supplier, String number) {
        return jdbc.sql(SELECT + " where supplier_id = ? and number = ?").params(supplier.value(), number).query(ComplaintViews::view).optional()
                .orElseThrow(() -> BusinessException.notFound("complaint.not-found"));
    }

    /** The operator's queue: those awaiting a decision first (oldest first), then the others newest first. */
    public List<Complaint> forOperator(ComplaintStatus status, int limit) {
        return jdbc.sql(SELECT + " where (:status::text is null or status = :status) order by (status = :awaiting) desc,"
                        + " case when status = :awaiting then id end, id desc limit :limit")
                .param("status", status == null ? null : status.name()).param("awaiting", ComplaintStatus.AWAITING_DECISION.name())
                .param("limit", limit).query(ComplaintViews::view).list();
    }

    public Complaint get(String number) {
        return jdbc.sql(SELECT + " where number = ?").param(number).query(ComplaintViews::view).optional()
                .orElseThrow(() -> BusinessException.notFound("complaint.not-found"));
    }

    /** Open complaints against the supplier (they keep its deposit from being returned). */
    public long openAgainst(SupplierId supplier) {
        return jdbc.sql("select count(*) from complaint where supplier_id = :supplier and status in (:open)")
                .param("supplier", supplier.value()).param("open", StateNames.of(ComplaintStatus.OPEN)).query(Long.class).single();
    }

    private static Complaint view(ResultSet rs, int row) throws SQLException {
        long line = rs.getLong(3);
        boolean hasLine = !rs.wasNull();
        long penalty = rs.getLong(17);
        boolean hasPenalty = !rs.wasNull();
        Boolean upheld = rs.getObject(16) == null ? null : rs.getBoolean(16);
        return new Complaint(rs.getString(1), rs.getString(2), hasLine ? line : null, rs.getString(4), ComplaintCategory.valueOf(rs.getString(5)),
                rs.getString(6), List.of(JSON.readValue(rs.getString(7), String[].class)), ComplaintStatus.valueOf(rs.getString(8)), rs.getString(9),
                rs.getString(10), instant(rs, 11), instant(rs, 12), rs.getString(13), instant(rs, 14), instant(rs, 15), upheld,
                hasPenalty ? Money.fen(penalty) : null, rs.getString(18), rs.getString(19),
                instant(rs, 20), instant(rs, 21));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
