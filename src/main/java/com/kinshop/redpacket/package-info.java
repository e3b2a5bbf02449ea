/**
 * Supplier red packets (红包 / 红包雨): a supplier funds a campaign's budget from its payable (held on the ledger), members
 * claim random amounts between the campaign's bounds while the budget lasts — never beyond it, whatever runs at the same
 * time — each packet a no-threshold coupon on the supplier's products (through {@link com.kinshop.coupon.CouponGrants});
 * a packet spent moves its hold back to the payable (the order's settlement then takes the discount off it), and what
 * is never claimed or never spent returns to the supplier when the campaign ends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Red packets")
package com.kinshop.redpacket;
