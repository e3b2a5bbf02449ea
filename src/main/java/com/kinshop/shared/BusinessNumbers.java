package com.kinshop.shared;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Numbers people read on orders, payments, refunds and withdrawals: a letter, the UTC time to the second, six random
 * digits (e.g. {@code K261122051348141828}). Uniqueness is the database's unique index, never a prior lookup.
 */
public final class BusinessNumbers {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BusinessNumbers() {
    }

    public static String next(String prefix, Instant now) {
        return prefix + TIME.format(now) + "%06d".formatted(RANDOM.nextInt(1_000_000));
    }
}
