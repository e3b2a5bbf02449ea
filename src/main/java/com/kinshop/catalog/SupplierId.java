package com.kinshop.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of a supplier. */
public record SupplierId(@JsonValue long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
