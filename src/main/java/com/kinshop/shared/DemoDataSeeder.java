package com.kinshop.shared;

/**
 * Adds one capability's demo data at start-up when {@code kinshop.demo.enabled} is true.
 * Implementations must be idempotent: a restart must not duplicate anything. Ordered with {@code @Order}.
 */
public interface DemoDataSeeder {

    void seed();
}
