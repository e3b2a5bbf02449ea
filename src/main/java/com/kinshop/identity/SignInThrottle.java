package com.kinshop.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kinshop.shared.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Rate limits for sign-in and code requests (Bucket4j token buckets, one per phone and per client address).
 * Limits live in memory: they protect this node; accounts themselves are never locked, so an attacker
 * cannot lock a victim out for longer than the window.
 */
@Component
class SignInThrottle {

    private static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
    private static final Duration CODE_WINDOW = Duration.ofHours(1);

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2)).maximumSize(200_000).build();
    private final IdentityProperties.RateLimit limits;

    SignInThrottle(IdentityProperties settings) {
        this.limits = settings.rateLimit();
    }

    void loginAttempt(String phone, String clientAddress) {
        take("login:phone:" + phone, () -> bucket(limits.loginPerPhone(), LOGIN_WINDOW));
        take("login:ip:" + clientAddress, () -> bucket(limits.loginPerIp(), LOGIN_WINDOW));
    }

    /** Registration tries codes too; it gets buckets of its own, as large as sign-in's. */
    void registration(String phone, String clientAddress) {
        take("register:phone:" + phone, () -> bucket(limits.loginPerPhone(), LOGIN_WINDOW));
        take("register:ip:" + clientAddress, () -> bucket(limits.loginPerIp(), LOGIN_WINDOW));
    }

    void codeRequest(String phone, String clientAddress) {
        take("code:phone:" + phone, () -> bucket(limits.codesPerPhonePerHour(), CODE_WINDOW));
        take("code:ip:" + clientAddress, () -> bucket(limits.codesPerIpPerHour(), CODE_WINDOW));
    }

    private void take(String key, Supplier<Bucket> newBucket) {
        ConsumptionProbe probe = buckets.get(key, k -> newBucket.get()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("rate.limited", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static Bucket bucket(int capacity, Duration window) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build();
    }
}
