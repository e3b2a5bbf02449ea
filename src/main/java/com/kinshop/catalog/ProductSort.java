package com.kinshop.catalog;

/** How product lists can be ordered. */
public enum ProductSort {
    /** 综合: the composite score the credit module keeps (ratings, refunds, complaints, supplier credit); the default. */
    COMPOSITE("p.composite_score desc, p.id desc"),
    NEWEST("p.published_at desc, p.id desc"),
    PRICE_ASC("lowest asc, p.id desc"),
    PRICE_DESC("lowest desc, p.id desc"),
    SALES("p.sales_count desc, p.id desc");

    public static final ProductSort DEFAULT = COMPOSITE;

    final String orderBy;

    ProductSort(String orderBy) {
        this.orderBy = orderBy;
    }
}
