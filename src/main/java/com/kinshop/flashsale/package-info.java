/**
 * Flash sale (秒杀): sessions (场次) of a supplier's SKUs at a flash price, proposed by supplier staff and approved by an
 * operator, whose units are set aside from stock at approval. Buyers pass a gate that takes a numbered unit from the
 * hot counter (one atomic step with the per-member limit) before anything touches the database; the claim is then
 * written under unique keys (the database, not the counter, is the record of what was sold) and becomes a FLASH order
 * through ordering's promotion checkout right after. An unpaid order gives its unit back exactly once. Ordering never
 * imports this module: it calls back through {@link com.kinshop.ordering.CheckoutParticipant} and its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Flash sale")
package com.kinshop.flashsale;
