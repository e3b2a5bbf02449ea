package com.kinshop.review;

/** The product page's tags: all, with images (有图), with a follow-up (追评), negative (差评, product stars ≤ 2). */
public enum ReviewFilter {
    ALL(""), IMAGES(" and r.has_images"),
    FOLLOW_UP(" and exists (select 1 from review_follow_up f where f.review_id = r.id)"),
    NEGATIVE(" and r.product_stars <= 2");

    final String condition;

    ReviewFilter(String condition) {
        this.condition = condition;
    }
}
