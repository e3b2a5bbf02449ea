package com.kinshop.identity;

/** Typed id of an account; other modules refer to accounts by this. */
public record AccountId(long value) {

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
