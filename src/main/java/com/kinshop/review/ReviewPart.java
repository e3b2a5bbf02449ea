package com.kinshop.review;

/** The buyer's two writings a review can have, each with its own images and its own supplier reply. */
public enum ReviewPart {
    REVIEW, FOLLOW_UP
}
