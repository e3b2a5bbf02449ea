/**
 * Ledger: append-only double entry. Journals have unique business keys and balance to zero; corrections are
 * reversing journals; balances are derived (cached in the same transaction); an invariant check proves it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package com.kinshop.ledger;
