package com.kinshop.catalog;

/** Typed id of a category. */
public record CategoryId(long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
