package com.kinshop.identity;

import com.kinshop.shared.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Rate limits for sign-in and code requests (Bucket4j token buckets, one per phone and per client address).
 * The buckets live in memory (one node) or in Redis (several nodes, one limit for all: {@link RateLimitBuckets}).
 * Accounts themselves are never locked, so an attacker cannot lock a victim out for longer than the window.
 */
@Component
class SignInThrottle {

    private static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
    private static final Duration CODE_WINDOW = Duration.ofHours(1);

    private final RateLimitBuckets buckets;
    private final IdentityProperties.RateLimit limits;

    SignInThrottle(RateLimitBuckets buckets, IdentityProperties settings) {
        this.buckets = buckets;
        this.limits = settings.rateLimit();
    }

    void loginAttempt(String phone, String clientAddress) {
        take("login:phone:" + phone, limit(limits.loginPerPhone(), LOGIN_WINDOW));
        take("login:ip:" + clientAddress, limit(limits.loginPerIp(), LOGIN_WINDOW));
    }

    /** Registration tries codes too; it gets buckets of its own, as large as sign-in's. */
    void registration(String phone, String clientAddress) {
        take("register:phone:" + phone, limit(limits.loginPerPhone(), LOGIN_WINDOW));
        take("register:ip:" + clientAddress, limit(limits.loginPerIp(), LOGIN_WINDOW));
    }

    void codeRequest(String phone, String clientAddress) {
        take("code:phone:" + phone, limit(limits.codesPerPhonePerHour(), CODE_WINDOW));
        take("code:ip:" + clientAddress, limit(limits.codesPerIpPerHour(), CODE_WINDOW));
    }

    private void take(String key, Bandwidth limit) {
        ConsumptionProbe probe = buckets.bucket(key, limit).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("rate.limited", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static Bandwidth limit(int capacity, Duration window) {
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build();
    }
}
