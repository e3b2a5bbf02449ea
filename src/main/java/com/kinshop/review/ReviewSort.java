package com.kinshop.review;

/** Newest first, or most useful (helpful votes) first. */
public enum ReviewSort {
    NEWEST("r.id desc"), USEFUL("r.helpful_count desc, r.id desc");

    final String orderBy;

    ReviewSort(String orderBy) {
        this.orderBy = orderBy;
    }
}
