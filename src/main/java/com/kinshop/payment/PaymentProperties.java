package com.kinshop.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param provider            which provider new payments go to
 * @param notificationWindow  how far a notification's timestamp may be from now, either way
 * @param recoverAfter        an open payment this old is asked about directly, in case its notification was lost
 * @param sandbox             the built-in sandbox provider
 */
@ConfigurationProperties("kinshop.payment")
public record PaymentProperties(String provider, Duration notificationWindow, Duration recoverAfter, Sandbox sandbox) {

    /**
     * @param enabled             off in production
     * @param merchantId          the platform's merchant id at the sandbox
     * @param secret              the shared HMAC key of the sandbox's signatures
     * @param duplicateDeliveries how many extra copies of each notification the sandbox sends (to keep us honest)
     */
    public record Sandbox(boolean enabled, String merchantId, String secret, int duplicateDeliveries) {
    }
}
