package com.kinshop.review;

/** Why a review was flagged as possible brushing (刷单); see docs/reviews.md for the exact definitions. */
public enum BrushingReason {
    /** The reviewer is staff of the product's supplier. */
    SUPPLIER_STAFF,
    /** The reviewer's referrer (the one they are bound to) is staff of the product's supplier. */
    BOUND_TO_STAFF,
    /** The reviewer earns commission on the line they review (bought through their own shop). */
    COMMISSION_BENEFICIARY,
    /** The reviewer's phone, or the order's delivery phone, is a staff member's phone or the phone of a staff member's saved address. */
    SHARES_STAFF_PHONE,
    /** The order's delivery address is one of a staff member's saved addresses. */
    SHARES_STAFF_ADDRESS,
    /** The product was published recently and received a burst of five-star reviews. */
    FIVE_STAR_BURST
}
