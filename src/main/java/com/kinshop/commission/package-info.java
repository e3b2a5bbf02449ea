/**
 * Commission: accrual on payment (预估), settlement when the order completes (结算), pro-rata cancellation on refunds,
 * withdrawals (提现) paid out through the payment provider, and the member centre's figures. Every change is a ledger
 * journal with a reason the member can read; one commission per (order line, beneficiary, level) is a database rule.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commission")
package com.kinshop.commission;
