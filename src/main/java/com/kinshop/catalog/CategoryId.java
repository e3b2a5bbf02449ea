package com.kinshop.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of a category. */
public record CategoryId(@JsonValue long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
