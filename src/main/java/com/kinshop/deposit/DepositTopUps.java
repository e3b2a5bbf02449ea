package com.kinshop.deposit;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.payment.PaymentSucceeded;
import com.kinshop.payment.Payments;
import com.kinshop.payment.Refunds;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.BusinessNumbers;
import com.kinshop.shared.Money;
import com.kinshop.shared.StateNames;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Paying a deposit in (缴纳 / 补缴) through the payment provider, as buyers pay: a pay-in gets a number, which is the
 * payment's reference; the provider's verified notification publishes {@link PaymentSucceeded} and, in that same
 * transaction, the pay-in moves to PAID (a guarded update) and its money is posted clearing → deposit, once. Money for
 * a pay-in that cannot take it (already paid by another attempt, or the supplier exited meanwhile) goes back.
 */
@Service
public class DepositTopUps {

    private static final Logger log = LoggerFactory.getLogger(DepositTopUps.class);
    /** The most one pay-in may be: the largest deposit onboarding accepts (1,000,000 yuan). */
    static final Money MAX = Money.yuan("1000000");

    private final JdbcClient jdbc;
    private final Payments payments;
    private final Refunds refunds;
    private final Deposits deposits;
    private final DepositBooks books;
    private final Clock clock;

    DepositTopUps(JdbcClient jdbc, Payments payments, Refunds refunds, Deposits deposits, DepositBooks books, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.refunds = refunds;
        this.deposits = deposits;
        this.books = books;
        this.clock = clock;
    }

    @Schema(name = "DepositTopUpStarted")
    public record Started(String number, String paymentNumber, String payUrl, Money amount) {
    }

    @Schema(name = "DepositTopUp")
    public record TopUp(String number, Money amount, TopUpStatus status, String paymentNumber, Instant createdAt, Instant paidAt) {
    }

    /** Opens a pay-in of {@code amountFen} and its payment at the provider: 400 on {@code amountFen} unless 0 < amount ≤ 1,000,000 yuan. */
    @Transactional
    public Started start(SupplierId supplier, AccountId staff, Long amountFen) {
        if (amountFen == null || amountFen <= 0 || amountFen > MAX.fen()) {
            throw BusinessException.invalid("amountFen", "deposit.amount.range", MAX.toPlainString());
        }
        // a plain read: no row lock held across the provider's call below; the payment's arrival checks again under the lock
        if (deposits.standing(supplier).exited()) {
            throw BusinessException.conflict(null, "deposit.exited");
        }
        Money amount = Money.fen(amountFen);
        String number = BusinessNumbers.next(jdbc, "D", clock.instant(), clock.getZone());
        jdbc.sql("insert into deposit_top_up (number, supplier_id, amount_fen, status, requested_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(number, supplier.value(), amount.fen(), TopUpStatus.AWAITING_PAYMENT.name(), staff.value(), now()).update();
        Payments.Started started = payments.start(number, staff, amount, "亲享保证金 " + number, "/console/supplier/deposit");
        return new Started(number, started.paymentNumber(), started.redirectUrl(), amount);
    }

    public List<TopUp> of(SupplierId supplier, int limit) {
        return jdbc.sql("""
                        select number, amount_fen, status, payment_number, created_at, paid_at from deposit_top_up
                        where supplier_id = ? order by id desc limit ?""")
                .params(supplier.value(), limit)
                .query((rs, n) -> new TopUp(rs.getString(1), Money.fen(rs.getLong(2)), TopUpStatus.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
                .list();
    }

    /** Same transaction as the payment's record, so the pay-in, its journal and the payment change together or not at all. */
    @EventListener
    void onPaymentSucceeded(PaymentSucceeded payment) {
        Optional<Long> supplier = jdbc.sql("select supplier_id from deposit_top_up where number = ?").param(payment.reference())
                .query(Long.class).optional();
        if (supplier.isEmpty()) {
            return;
        }
        boolean exited = deposits.lock(new SupplierId(supplier.get())).isPresent();
        TopUpStatus.Move pay = TopUpStatus.Move.PAY;
        int paid = exited ? 0 : jdbc.sql("""
                        update deposit_top_up set status = :to, payment_number = :payment, paid_at = :at
                        where number = :number and status in (:from) and amount_fen = :amount""")
                .param("to", pay.to().name()).param("from", StateNames.of(pay.from())).param("payment", payment.paymentNumber())
                .param("at", now()).param("number", payment.reference()).param("amount", payment.amount().fen()).update();
        if (paid == 1) {
            books.paidIn(supplier.get(), payment.reference(), payment.paymentNumber(), payment.amount());
        } else {
            log.info("Payment {} for deposit pay-in {} cannot be taken (already paid, or the supplier exited); refunding it",
                    payment.paymentNumber(), payment.reference());
            refunds.refund("RD" + payment.paymentNumber(), payment.paymentNumber(), payment.amount(), "保证金已缴纳或供应商已退出，自动退回");
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
