package com.kinshop.catalog;

/** Typed id of a sku. */
public record SkuId(long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
