package com.kinshop.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of a product. */
public record ProductId(@JsonValue long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
