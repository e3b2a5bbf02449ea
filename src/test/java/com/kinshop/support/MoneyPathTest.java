package com.kinshop.support;

import com.kinshop.ledger.LedgerInvariants;
import com.kinshop.ordering.Orders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of the tests that move money: a buyer's purchases at hand, and the books proven after every test. */
public abstract class MoneyPathTest extends ApiTest {

    @Autowired
    protected LedgerInvariants invariants;
    @Autowired
    protected Orders orders;
    protected Purchases purchases;

    @BeforeEach
    void preparePurchases() {
        purchases = new Purchases(jdbc);
    }

    @AfterEach
    void booksStillProve() {
        assertThat(invariants.check().problems()).isEmpty();
        assertThat(invariants.check().healthy()).isTrue();
        assertThat(orders.finishedWithEscrowLeft()).as("finished orders hold nothing in escrow").isEmpty();
    }
}
