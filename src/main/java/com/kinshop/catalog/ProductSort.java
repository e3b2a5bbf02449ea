package com.kinshop.catalog;

/** How product lists can be ordered. */
public enum ProductSort {
    NEWEST("p.published_at desc, p.id desc"),
    PRICE_ASC("lowest asc, p.id desc"),
    PRICE_DESC("lowest desc, p.id desc"),
    SALES("p.sales_count desc, p.id desc");

    final String orderBy;

    ProductSort(String orderBy) {
        this.orderBy = orderBy;
    }
}
