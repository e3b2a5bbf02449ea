package com.kinshop.shared;

import org.springframework.http.HttpStatus;

import java.time.Duration;

/** A rate limit was hit; {@link #retryAfter()} tells the caller when to try again. */
public class TooManyRequestsException extends BusinessException {

    private final Duration retryAfter;

    public TooManyRequestsException(String messageKey, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, messageKey, null, Math.max(1, retryAfter.toSeconds()));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
