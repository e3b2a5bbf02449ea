/**
 * Group buy (拼团): supplier staff set aside units of a product at a group price per SKU (an operator approves the
 * campaign); a member opens a group by checking out at the group price and friends join through the group's link.
 * Each seat is a GROUP order placed through ordering's promotion checkout in the same transaction that takes the seat
 * (a guarded update: never more seats than the size), held from shipping until the group's last payment lands; a group
 * whose fill time runs out first fails and every paid member is refunded on the original path, exactly once.
 * Ordering never imports this module: it calls back through {@link com.kinshop.ordering.CheckoutParticipant} and
 * its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Group buy")
package com.kinshop.groupbuy;
