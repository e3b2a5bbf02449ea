package com.kinshop.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Where {@link SignInThrottle}'s token buckets live: in this process (one node) or in Redis (several nodes share each
 * bucket, so an attacker spreading tries over the nodes meets the same limit). Chosen by {@code kinshop.redis.enabled}.
 */
interface RateLimitBuckets {

    /** The bucket named {@code key}, created with {@code limit} the first time it is asked for. */
    Bucket bucket(String key, Bandwidth limit);
}
