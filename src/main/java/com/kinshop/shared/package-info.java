/**
 * Shared kernel: money, errors, idempotent requests, media storage, demo data and platform wiring.
 * Holds no business rules of any capability.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package com.kinshop.shared;
