package com.kinshop.ledger;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger on real PostgreSQL: idempotent posting, guarded balances under concurrency, append-only, invariants. */
@KinshopIT
class LedgerIT extends ApiTest {

    @Autowired
    Ledger ledger;
    @Autowired
    LedgerInvariants invariants;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MessageSource messages;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void theLedgerStillProvesItself() {
        assertThat(invariants.check().healthy()).isTrue();
    }

    @Test
    void aBusinessKeyPostsOnceEvenWhenTwentyCallersRaceWithIt() throws Exception {
        LedgerAccount clearing = LedgerAccount.of("test:" + run + ":clearing", AccountType.CLEARING);
        LedgerAccount escrow = LedgerAccount.of("test:" + run + ":escrow", AccountType.CLEARING);
        Journal payment = Journal.builder("test:" + run + ":payment", "PAYMENT", "支付 19.90").move(Money.fen(1990), clearing, escrow).build();

        List<Ledger.Posted> results = Concurrently.all(20, () -> ledger.post(payment));

        assertThat(results).filteredOn(posted -> !posted.alreadyPosted()).hasSize(1);
        assertThat(results).extracting(Ledger.Posted::journal).containsOnly(results.get(0).journal());
        assertThat(ledger.balance(escrow.code())).isEqualTo(Money.fen(1990));
        assertThat(ledger.balance(clearing.code())).isEqualTo(Money.fen(-1990));
    }

    @Test
    void aRepeatedBusinessKeyReturnsTheSameJournalOnlyWhenItCarriesTheSameEntries() {
        LedgerAccount clearing = LedgerAccount.of("test:" + run + ":repeat-clearing", AccountType.CLEARING);
        LedgerAccount escrow = LedgerAccount.of("test:" + run + ":repeat-escrow", AccountType.CLEARING);
        String key = "test:" + run + ":repeat";
        Ledger.Posted first = ledger.post(Journal.builder(key, "PAYMENT", "支付 19.90").move(Money.fen(1990), clearing, escrow).build());

        Ledger.Posted same = ledger.post(Journal.builder(key, "PAYMENT", "支付 19.90（重试）").move(Money.fen(1990), clearing, escrow).build());
        assertThat(same).isEqualTo(new Ledger.Posted(first.journal(), true));

        assertThatThrownBy(() -> ledger.post(Journal.builder(key, "PAYMENT", "支付 29.90").move(Money.fen(2990), clearing, escrow).build()))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ledger.business-key.reused");
                    assertThat(e.status().value()).isEqualTo(422);
                });
        assertThat(ledger.balance(escrow.code())).as("the refused repeat moved nothing").isEqualTo(Money.fen(1990));
    }

    @Test
    void aNeverNegativeAccountPaysOutOnceWhenTwentyWithdrawalsRace() throws Exception {
        LedgerAccount available = LedgerAccount.neverNegative("test:" + run + ":available", AccountType.LIABILITY);
        LedgerAccount source = LedgerAccount.of("test:" + run + ":source", AccountType.EXPENSE);
        LedgerAccount payout = LedgerAccount.of("test:" + run + ":payout", AccountType.CLEARING);
        ledger.post(Journal.builder("test:" + run + ":earn", "COMMISSION", "佣金到账").move(Money.fen(10_000), source, available).build());

        List<Object> outcomes = Concurrently.all(20, () -> {
            try {
                return ledger.post(Journal.builder("test:" + run + ":withdraw:" + UUID.randomUUID(), "WITHDRAWAL", "提现")
                        .move(Money.fen(10_000), available, payout).build());
            } catch (InsufficientBalanceException e) {
                return e.messageKey();
            }
        });

        assertThat(outcomes).filteredOn(Ledger.Posted.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn("ledger.insufficient-balance"::equals).hasSize(19);
        assertThat(ledger.balance(available.code())).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(payout.code())).isEqualTo(Money.fen(10_000));
    }

    @Test
    void correctionsAreReversalsPostedOnceAndTheHistoryKeepsBoth() {
        LedgerAccount a = LedgerAccount.of("test:" + run + ":a", AccountType.ASSET);
        LedgerAccount b = LedgerAccount.of("test:" + run + ":b", AccountType.LIABILITY);
        JournalId original = ledger.post(Journal.builder("test:" + run + ":wrong", "ADJUSTMENT", "记错了").move(Money.fen(300), a, b).build()).journal();

        ledger.reverse(original, "test:" + run + ":fix", "金额记错");
        assertThatThrownBy(() -> ledger.reverse(original, "test:" + run + ":fix-again", "再冲一次"))
                .isInstanceOf(BusinessException.class).extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("ledger.already-reversed");

        assertThat(ledger.balance(b.code())).isEqualTo(Money.ZERO);
        assertThat(ledger.lines(b.code(), 10)).extracting(line -> line.text().in(messages, Locale.SIMPLIFIED_CHINESE))
                .containsExactly("冲正：金额记错", "ADJUSTMENT 记错了");
        assertThat(ledger.lines(b.code(), 10).get(0).text().in(messages, Locale.ENGLISH)).isEqualTo("Reversal: 金额记错");
    }

    @Test
    void aJournalStoresWhatHappenedAndIsReadInTheReadersLanguage() {
        LedgerAccount clearing = LedgerAccount.of("test:" + run + ":clearing", AccountType.CLEARING);
        LedgerAccount escrow = LedgerAccount.of("test:" + run + ":escrow", AccountType.CLEARING);
        ledger.post(Journal.builder("test:" + run + ":order-paid", "ORDER_PAID", "K" + run).move(Money.fen(990), clearing, escrow).build());

        Ledger.Line line = ledger.lines(escrow.code(), 1).get(0);
        assertThat(line.text().kind()).isEqualTo("ORDER_PAID");
        assertThat(line.text().args()).containsExactly("K" + run);
        assertThat(line.text().in(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("订单 K" + run + " 已支付，款项进入担保");
        assertThat(line.text().in(messages, Locale.ENGLISH)).isEqualTo("Order K" + run + " paid; the money is held in escrow");
        assertThat(jdbc.sql("select description is null from ledger_journal where business_key = ?").param("test:" + run + ":order-paid")
                .query(Boolean.class).single()).as("no text stored in one language").isTrue();
    }

    @Test
    void anOrdersEscrowIsNamedByTheOrderNumberEvenWhenAnotherPostingOpenedIt() {
        long orderId = 9_000_000_000L + Math.abs(run.hashCode());
        String number = "K" + run;
        LedgerAccount clearing = LedgerAccount.of("test:" + run + ":clearing", AccountType.CLEARING);
        ledger.post(Journal.builder("test:" + run + ":first", "ORDER_PAID", number).move(Money.fen(300), clearing, LedgerAccounts.orderEscrow(orderId)).build());
        assertThat(invariants.check().openClearingAccounts()).contains("order:" + orderId + ":escrow");

        ledger.post(Journal.builder("test:" + run + ":paid", "ORDER_PAID", number)
                .move(Money.fen(700), clearing, LedgerAccounts.orderEscrow(orderId, number)).build());

        assertThat(invariants.check().openClearingAccounts()).contains("order:" + number + ":escrow").doesNotContain("order:" + orderId + ":escrow");
        assertThat(fixtures.operator().get("/api/admin/ledger/check").body()).contains("order:" + number + ":escrow")
                .doesNotContain("order:" + orderId + ":escrow");
        ledger.post(Journal.builder("test:" + run + ":back", "REFUND", number, number)
                .move(Money.fen(1000), LedgerAccounts.orderEscrow(orderId), clearing).build());
        assertThat(invariants.check().openClearingAccounts()).doesNotContain("order:" + number + ":escrow");
    }

    @Test
    void theDatabaseRefusesEditsDeletesAndUnbalancedJournals() {
        LedgerAccount a = LedgerAccount.of("test:" + run + ":x", AccountType.ASSET);
        LedgerAccount b = LedgerAccount.of("test:" + run + ":y", AccountType.ASSET);
        ledger.post(Journal.builder("test:" + run + ":fixed", "ADJUSTMENT", "不可改").move(Money.fen(100), a, b).build());

        assertThatThrownBy(() -> jdbc.sql("update ledger_entry set amount_fen = amount_fen * 2").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_journal where business_key = ?").param("test:" + run + ":fixed").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            long journal = jdbc.sql("insert into ledger_journal (business_key, kind, description, posted_at) values (?, 'HACK', '只记一边', now()) returning id")
                    .param("test:" + run + ":one-sided").query(Long.class).single();
            long account = jdbc.sql("select id from ledger_account where code = ?").param(a.code()).query(Long.class).single();
            jdbc.sql("insert into ledger_entry (journal_id, account_id, amount_fen) values (?, ?, 999)").params(journal, account).update();
        })).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("does not balance");
        assertThat(jdbc.sql("select count(*) from ledger_journal where business_key = ?").param("test:" + run + ":one-sided")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theOperatorSeesTheCheckInTheConsoleAndTheApi() {
        var operator = fixtures.operator();
        assertThat(operator.get("/console/admin/ledger").body()).contains("账目平衡", "不平衡的凭证：0");
        var report = operator.get("/api/admin/ledger/check").json();
        assertThat(report.get("unbalancedJournals").size()).isZero();
        assertThat(report.get("total").get("fen").asLong()).isZero();
        assertThat(fixtures.member("看账本").session().get("/api/admin/ledger/check").status()).isEqualTo(403);
    }

    @Test
    void anAccountOpenedInARolledBackTransactionIsOpenedAgainAndAKnownCodeStillKeepsItsType() {
        LedgerAccount fresh = LedgerAccount.of("test:" + run + ":opened-then-rolled-back", AccountType.CLEARING);
        LedgerAccount other = LedgerAccount.of("test:" + run + ":other-side", AccountType.CLEARING);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            ledger.post(Journal.builder("test:" + run + ":rolled-back", "PAYMENT", "支付 1.00").move(Money.fen(100), fresh, other).build());
            throw new IllegalStateException("the caller fails after posting");
        })).hasMessage("the caller fails after posting");
        assertThat(jdbc.sql("select count(*) from ledger_account where code = ?").param(fresh.code()).query(Long.class).single())
                .as("the account went with its transaction").isZero();

        // posting again must open it again (its id was not remembered), with a balance row the guarded update can move
        ledger.post(Journal.builder("test:" + run + ":posted", "PAYMENT", "支付 2.00").move(Money.fen(200), fresh, other).build());
        ledger.post(Journal.builder("test:" + run + ":posted-again", "PAYMENT", "支付 3.00").move(Money.fen(300), fresh, other).build());
        assertThat(ledger.balance(other.code())).isEqualTo(Money.fen(500));

        // now remembered, the code still refuses another type or sign rule
        LedgerAccount sameCodeOtherRule = LedgerAccount.neverNegative(fresh.code(), AccountType.CLEARING);
        assertThatThrownBy(() -> ledger.post(Journal.builder("test:" + run + ":other-rule", "PAYMENT", "支付 1.00")
                .move(Money.fen(100), other, sameCodeOtherRule).build())).hasMessageContaining("another type or sign rule");
        assertThat(ledger.balance(other.code())).isEqualTo(Money.fen(500));
    }
}
