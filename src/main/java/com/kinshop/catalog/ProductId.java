package com.kinshop.catalog;

/** Typed id of a product. */
public record ProductId(long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
