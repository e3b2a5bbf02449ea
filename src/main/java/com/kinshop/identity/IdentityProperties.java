package com.kinshop.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Settings of sign-in: code lifetime and limits. See application.properties for the defaults. */
@ConfigurationProperties("kinshop.identity")
record IdentityProperties(Duration codeTtl, Duration codeResendInterval, int codeMaxAttempts, RateLimit rateLimit) {

    record RateLimit(int loginPerPhone, int loginPerIp, int codesPerPhonePerHour, int codesPerIpPerHour) {
    }
}
