/**
 * Supplier deposits (保证金): paid in through the payment provider into the supplier's deposit ledger account, deducted
 * for upheld complaints, topped up before listing when below the required amount, and returned on exit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supplier deposits")
package com.kinshop.deposit;
