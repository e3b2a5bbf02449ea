package com.kinshop.identity;

import java.time.Instant;

/** Published when a new account is created (referral binding reacts to it). */
public record AccountRegistered(AccountId accountId, Instant at) {
}
