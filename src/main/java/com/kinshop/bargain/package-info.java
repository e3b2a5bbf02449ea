/**
 * Bargain (砍价): supplier staff offer one SKU down to a floor price (operator-approved, the floor within the price
 * rule); a member starts a bargain whose whole schedule of cuts is drawn at once ({@link com.kinshop.bargain.CutSchedule});
 * friends each take the next cut once, until the last needed cut lands exactly on the floor; the starter buys at the
 * current price before the deadline through ordering's promotion checkout (kind BARGAIN), and gets the bargain back if
 * that order is cancelled unpaid. Ordering never imports this module: it calls back through
 * {@link com.kinshop.ordering.CheckoutParticipant} and its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bargain")
package com.kinshop.bargain;
