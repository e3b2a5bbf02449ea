package com.kinshop.ledger;

import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {

    private static final LedgerAccount CLEARING = LedgerAccount.of("platform:clearing", AccountType.CLEARING);
    private static final LedgerAccount ESCROW = LedgerAccount.of("order:1:escrow", AccountType.CLEARING);
    private static final LedgerAccount PAYABLE = LedgerAccount.of("supplier:1:payable", AccountType.LIABILITY);

    @Test
    void aMoveIsACreditAndADebitThatSumToZero() {
        Journal journal = Journal.builder("payment:P1", "PAYMENT", "订单 1 支付").move(Money.fen(1990), CLEARING, ESCROW).build();
        assertThat(journal.entries()).extracting(e -> e.amount().fen()).containsExactly(-1990L, 1990L);
    }

    @Test
    void splitsMustAddUpToTheFen() {
        Journal split = Journal.builder("settle:1", "SETTLEMENT", "结算").entry(ESCROW, Money.fen(-1000))
                .entry(PAYABLE, Money.fen(667)).entry(LedgerAccount.of("platform:revenue", AccountType.REVENUE), Money.fen(333)).build();
        assertThat(split.entries()).hasSize(3);
        assertThatThrownBy(() -> Journal.builder("settle:2", "SETTLEMENT", "结算").entry(ESCROW, Money.fen(-1000))
                .entry(PAYABLE, Money.fen(667)).entry(LedgerAccount.of("platform:revenue", AccountType.REVENUE), Money.fen(332)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not balance");
    }

    @Test
    void refusesOneSidedZeroMixedCurrencyAndUnkeyedJournals() {
        assertThatThrownBy(() -> Journal.builder("x:1", "K", "d").entry(ESCROW, Money.fen(5)).build()).hasMessageContaining("two non-zero");
        assertThatThrownBy(() -> Journal.builder("x:2", "K", "d").entry(ESCROW, Money.ZERO).entry(PAYABLE, Money.ZERO).build())
                .hasMessageContaining("two non-zero");
        assertThatThrownBy(() -> Journal.builder("x:3", "K", "d").entry(ESCROW, Money.fen(5))
                .entry(PAYABLE, new Money(-5, Currency.getInstance("USD"))).build()).hasMessageContaining("Cannot mix");
        assertThatThrownBy(() -> Journal.builder(" ", "K", "d").move(Money.fen(1), ESCROW, PAYABLE).build()).hasMessageContaining("business key");
        assertThatThrownBy(() -> LedgerAccount.of("Bad Code!", AccountType.ASSET)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReversalNegatesEveryEntry() {
        Journal journal = Journal.builder("payment:P2", "PAYMENT", "支付").move(Money.fen(500), CLEARING, ESCROW).build();
        assertThat(Journal.reversalOf(journal.entries(), "reverse:payment:P2", "冲正").entries()).extracting(e -> e.amount().fen()).containsExactly(500L, -500L);
    }
}
