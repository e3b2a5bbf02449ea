package com.kinshop.deposit;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierStatus;
import com.kinshop.catalog.SupplierView;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.AccountId;
import com.kinshop.ledger.JournalText;
import com.kinshop.ledger.Ledger;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Supplier deposits (保证金): the amount declared at onboarding is what is required; what is held is the balance of
 * the ledger account {@code supplier:{id}:deposit}. A deduction for an upheld complaint and the return on exit both
 * lock the supplier's deposit row first, so they run one at a time; the ledger's guarded posting backs that up, so
 * the deposit is never overdrawn.
 */
@Service
public class Deposits {

    private final JdbcClient jdbc;
    private final Suppliers suppliers;
    private final DepositBooks books;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Deposits(JdbcClient jdbc, Suppliers suppliers, DepositBooks books, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.suppliers = suppliers;
        this.books = books;
        this.events = events;
        this.clock = clock;
    }

    @Schema(name = "DepositStanding")
    public record Standing(SupplierId supplier, String supplierName, Money required, Money balance,
                           @Schema(description = "What the supplier must still pay in before listing new products (zero when none)") Money shortfall,
                           @Schema(description = "When the deposit was returned and the supplier's listing ended; null while it trades") Instant exitedAt) {

        public boolean exited() {
            return exitedAt != null;
        }
    }

    /** A line of the deposit's history: {@code amount} positive when money came in, negative when it left. */
    @Schema(name = "DepositHistoryLine")
    public record HistoryLine(String businessKey, JournalText text, Money amount, Instant at) {
    }

    public Standing standing(SupplierId supplier) {
        return standing(suppliers.get(supplier));
    }

    /** Every supplier that was approved (trading, suspended or exited), newest first: the operator's overview. */
    public List<Standing> overview() {
        return suppliers.list(null).stream().filter(s -> EnumSet.of(SupplierStatus.APPROVED, SupplierStatus.SUSPENDED).contains(s.status()))
                .map(this::standing).toList();
    }

    public List<HistoryLine> history(SupplierId supplier, int limit) {
        return books.history(supplier.value(), limit).stream().map(Deposits::line).toList();
    }

    /**
     * Takes {@code penalty} from the deposit for an upheld complaint (in the arbitration's transaction): to the buyer's
     * withdrawable balance or to platform revenue. 409 on {@code penaltyFen} when the deposit holds less, nothing
     * posted. Publishes {@link DepositEvents.DepositDeducted} once (the journal is keyed by the complaint).
     */
    @Transactional
    public void deduct(SupplierId supplier, Money penalty, String complaintNumber, PenaltyPayee payee, AccountId buyer) {
        if (!penalty.isPositive()) {
            throw BusinessException.invalid("penaltyFen", "deposit.penalty.positive");
        }
        if (lock(supplier).isPresent()) {
            throw BusinessException.conflict("penaltyFen", "deposit.exited");
        }
        Money balance = books.balance(supplier.value());
        if (penalty.compareTo(balance) > 0) {
            throw BusinessException.conflict("penaltyFen", "deposit.penalty.over-balance", balance.toPlainString());
        }
        books.penalty(supplier.value(), complaintNumber, penalty, payee, buyer);
        events.publishEvent(new DepositEvents.DepositDeducted(supplier, penalty, complaintNumber, clock.instant()));
    }

    /**
     * Holds the supplier's exit off until this transaction ends (the exit takes the same row lock, then looks for open
     * complaints): a complaint filed under it is seen by the exit, or refused once the supplier has exited.
     */
    public void holdExitOff(SupplierId supplier, String field) {
        if (lock(supplier).isPresent()) {
            throw BusinessException.conflict(field, "deposit.exited");
        }
    }

    /** What the deposit holds now. */
    public Money balance(SupplierId supplier) {
        return books.balance(supplier.value());
    }

    /** The supplier's deposit row, created on first use and locked until the transaction ends; answers when it exited. */
    Optional<Instant> lock(SupplierId supplier) {
        jdbc.sql("insert into supplier_deposit (supplier_id) values (?) on conflict do nothing").param(supplier.value()).update();
        return jdbc.sql("select exited_at from supplier_deposit where supplier_id = ? for update").param(supplier.value())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant)).single();
    }

    private Standing standing(SupplierView supplier) {
        Money balance = books.balance(supplier.id().value());
        Instant exited = jdbc.sql("select exited_at from supplier_deposit where supplier_id = ?").param(supplier.id().value())
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
        Money shortfall = exited != null || balance.compareTo(supplier.deposit()) >= 0 ? Money.ZERO : supplier.deposit().minus(balance);
        return new Standing(supplier.id(), supplier.name(), supplier.deposit(), balance, shortfall, exited);
    }

    private static HistoryLine line(Ledger.Line line) {
        return new HistoryLine(line.businessKey(), line.text(), line.amount().negated(), line.postedAt());
    }
}
