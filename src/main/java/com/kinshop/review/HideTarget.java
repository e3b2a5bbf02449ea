package com.kinshop.review;

/** Which piece of a review the operator hides: the review, its follow-up, or the supplier's reply to either. */
public enum HideTarget {
    REVIEW, FOLLOW_UP, REPLY, FOLLOW_UP_REPLY
}
