package com.kinshop.redpacket;

import com.kinshop.coupon.CouponGrants;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Until the coupon module (which implements CouponGrants) is merged: answers each grant with a fresh id, so a claim's
 * own transaction and money can be tested. Deleted when the real module arrives.
 */
@TestConfiguration(proxyBeanMethods = false)
class GrantsUntilTheCouponModuleLands {

    @Bean
    CouponGrants couponGrants() {
        AtomicLong ids = new AtomicLong(1_000_000);
        return grant -> {
            if (!grant.source().startsWith("redpacket:") || !grant.amount().isPositive()) {
                throw new IllegalArgumentException("Not a red packet's grant: " + grant);
            }
            return ids.incrementAndGet();
        };
    }
}
