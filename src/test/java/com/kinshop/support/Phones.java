package com.kinshop.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fresh phone numbers for tests, and the codes the SMS sandbox "sent" to them. */
public final class Phones {

    private static final AtomicLong NEXT = new AtomicLong(15_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L));
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private Phones() {
    }

    public static String fresh() {
        return String.valueOf(NEXT.incrementAndGet());
    }

    public static String lastCodeSentTo(JdbcClient jdbc, String phone) {
        String body = jdbc.sql("select body from sandbox_sms where phone = ? order by id desc limit 1").param(phone)
                .query(String.class).optional().orElseThrow(() -> new AssertionError("No SMS was sent to " + phone));
        Matcher matcher = CODE.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No code in " + body);
        }
        return matcher.group(1);
    }

    public static int smsCount(JdbcClient jdbc, String phone) {
        return jdbc.sql("select count(*) from sandbox_sms where phone = ?").param(phone).query(Integer.class).single();
    }
}
