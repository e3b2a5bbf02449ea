package com.kinshop.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Numbers people read on orders, payments, refunds and withdrawals: a letter, the time to the second in the display
 * zone (as every page shows times), six digits (e.g. {@code K261122131348141828}). The six digits are the database sequence {@code business_number_seq} scrambled
 * by a fixed permutation of 0..999999: any million numbers in a row differ even within one second (random digits
 * collided under load), and neighbours do not read as a count of orders.
 */
public final class BusinessNumbers {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    private static final long SPACE = 1_000_000;
    /** Coprime to 10, so multiplying by it modulo a million is a bijection. */
    private static final long SCRAMBLE = 738_493;
    private static final long OFFSET = 271_828;

    private BusinessNumbers() {
    }

    public static String next(JdbcClient jdbc, String prefix, Instant now, ZoneId zone) {
        long sequence = jdbc.sql("select nextval('business_number_seq')").query(Long.class).single();
        return prefix + TIME.format(now.atZone(zone)) + "%06d".formatted(scrambled(sequence));
    }

    static long scrambled(long sequence) {
        return (Math.floorMod(sequence, SPACE) * SCRAMBLE + OFFSET) % SPACE;
    }
}
