package com.kinshop.identity;

import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of an account; other modules refer to accounts by this. */
public record AccountId(@JsonValue long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
