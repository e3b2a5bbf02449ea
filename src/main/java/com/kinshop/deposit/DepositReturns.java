package com.kinshop.deposit;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.SupplierProducts;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.OrderFacts;
import com.kinshop.payment.PaymentProvider;
import com.kinshop.payment.Payments;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.BusinessNumbers;
import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The return of a deposit on exit (退还): the whole balance, only when nothing is open — no open complaint (asked of
 * every {@link DepositExitCheck}) and no order still in progress. The request, under the supplier's deposit lock,
 * moves the balance to "returning" (a posting that may not overdraw the deposit), marks the supplier exited and takes
 * its products off sale (catalog's API; the listing gate then refuses new ones). The payout through the provider,
 * keyed by the return's number so it pays at most once, follows after commit, and a sweep retries any left unpaid.
 */
@Service
public class DepositReturns {

    private static final Logger log = LoggerFactory.getLogger(DepositReturns.class);

    private final JdbcClient jdbc;
    private final Deposits deposits;
    private final DepositBooks books;
    private final OrderFacts orders;
    private final SupplierProducts products;
    private final List<DepositExitCheck> exitChecks;
    private final Payments payments;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DepositReturns(JdbcClient jdbc, Deposits deposits, DepositBooks books, OrderFacts orders, SupplierProducts products, List<DepositExitCheck> exitChecks,
                   Payments payments, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.deposits = deposits;
        this.books = books;
        this.orders = orders;
        this.products = products;
        this.exitChecks = exitChecks;
        this.payments = payments;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Schema(name = "DepositReturn")
    public record Return(String number, SupplierId supplier, Money amount, ReturnStatus status, Instant createdAt, Instant paidAt) {
    }

    @Transactional
    public Return request(SupplierId supplier, AccountId requester) {
        if (deposits.lock(supplier).isPresent()) {
            throw BusinessException.conflict(null, "deposit.exited");
        }
        exitChecks.forEach(check -> check.checkMayExit(supplier));
        // off sale first: a refusal below rolls it back, and an order placed meanwhile is seen by the check
        int offSale = products.takeAllOffSale(supplier);
        if (orders.hasOrdersInProgress(supplier)) {
            throw BusinessException.conflict(null, "deposit.return.orders-in-progress");
        }
        Money balance = books.balance(supplier.value());
        String number = BusinessNumbers.next(jdbc, "DR", clock.instant(), clock.getZone());
        ReturnStatus status = balance.isPositive() ? ReturnStatus.REQUESTED : ReturnStatus.PAID; // nothing to pay out
        try {
            jdbc.sql("insert into deposit_return (number, supplier_id, amount_fen, status, requested_by, created_at, paid_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(number, supplier.value(), balance.fen(), status.name(), requester.value(), now(), status == ReturnStatus.PAID ? now() : null)
                    .update();
        } catch (DuplicateKeyException e) {
            throw BusinessException.conflict(null, "deposit.exited");
        }
        if (balance.isPositive()) {
            books.returnRequested(supplier.value(), number, balance);
        }
        jdbc.sql("update supplier_deposit set exited_at = ? where supplier_id = ?").params(now(), supplier.value()).update();
        log.info("Supplier {} exits: deposit {} to return ({}), {} products taken off sale", supplier.value(), balance, number, offSale);
        if (balance.isPositive()) {
            payOutAfterCommit(number);
        }
        return get(number);
    }

    public Optional<Return> of(SupplierId supplier) {
        return jdbc.sql("select number, supplier_id, amount_fen, status, created_at, paid_at from deposit_return where supplier_id = ?")
                .param(supplier.value()).query((rs, n) -> view(rs)).optional();
    }

    /** Every node sweeps; each return is claimed with SKIP LOCKED and moved by a guarded update, so it is paid once. */
    @Scheduled(fixedDelayString = "${kinshop.deposit.payout-interval:1m}", initialDelayString = "${kinshop.deposit.payout-interval:1m}")
    void scheduled() {
        payDue();
    }

    /** Pays out every return still due; answers how many were paid. */
    public int payDue() {
        List<String> due = jdbc.sql("select number from deposit_return where status = ? order by id limit 100")
                .param(ReturnStatus.REQUESTED.name()).query(String.class).list();
        int paid = 0;
        for (String number : due) {
            try {
                paid += Boolean.TRUE.equals(transactions.execute(status -> payOut(number))) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Deposit return {} not paid out yet: {}", number, e.toString());
            }
        }
        return paid;
    }

    private boolean payOut(String number) {
        Optional<Return> due = jdbc.sql("""
                        select number, supplier_id, amount_fen, status, created_at, paid_at from deposit_return
                        where number = ? and status = ? for update skip locked""")
                .params(number, ReturnStatus.REQUESTED.name()).query((rs, n) -> view(rs)).optional();
        if (due.isEmpty()) {
            return false;
        }
        Return pending = due.get();
        Payments.Payout payout;
        try {
            payout = payments.payout(number, "supplier:" + pending.supplier().value(), pending.amount());
        } catch (PaymentProvider.Refused e) {
            log.warn("Payout of deposit return {} refused; it stays due: {}", number, e.toString());
            return false;
        }
        ReturnStatus.Move move = ReturnStatus.Move.PAY_OUT;
        int moved = jdbc.sql("update deposit_return set status = :to, payout_id = :payout, paid_at = :at where number = :number and status in (:from)")
                .param("to", move.to().name()).param("from", StateNames.of(move.from())).param("payout", payout.providerPayoutId())
                .param("at", now()).param("number", number).update();
        if (moved == 1) {
            books.returned(pending.supplier().value(), number, pending.amount(), payout.provider());
        }
        return moved == 1;
    }

    private void payOutAfterCommit(String number) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                TransactionTemplate ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
                ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW); // the request's has ended
                try {
                    ownTransaction.execute(status -> payOut(number));
                } catch (RuntimeException e) {
                    log.warn("Deposit return {} will be paid out by the sweep: {}", number, e.toString());
                }
            }
        });
    }

    private Return get(String number) {
        return jdbc.sql("select number, supplier_id, amount_fen, status, created_at, paid_at from deposit_return where number = ?")
                .param(number).query((rs, n) -> view(rs)).single();
    }

    private static Return view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Return(rs.getString(1), new SupplierId(rs.getLong(2)), Money.fen(rs.getLong(3)), ReturnStatus.valueOf(rs.getString(4)),
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
