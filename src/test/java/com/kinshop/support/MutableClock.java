package com.kinshop.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move forward by hand. It runs with real time (retries and pauses measured in seconds still pass) plus
 * whatever the tests added, so data written by other tests stays plausible.
 */
public class MutableClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
    private final ZoneId zone;

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration duration) {
        ahead.updateAndGet(offset -> offset.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock copy = new MutableClock(zone);
        copy.ahead.set(ahead.get());
        return copy;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }
}
