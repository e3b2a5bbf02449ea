package com.kinshop.catalog;

/** Typed id of a supplier. */
public record SupplierId(long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
