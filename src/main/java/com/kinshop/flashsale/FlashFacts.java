package com.kinshop.flashsale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the gate needs to know of a session — its window, limit, SKUs, prices and quantities — kept in memory for two
 * seconds, so thousands of attempts a second read the database once per node per two seconds, not once each (and an
 * attempt at a sold-out session touches nothing but the counter). Approved sessions do not change their terms; a
 * review on this node forgets the entry at once, on another node within the two seconds.
 */
@Component
class FlashFacts {

    /** One SKU on sale. */
    record ItemFacts(long skuId, long flashPriceFen, int quantity) {
    }

    record SaleFacts(long id, FlashReview review, Instant startsAt, Instant endsAt, int perMemberLimit, Map<Long, ItemFacts> items) {
    }

    private final JdbcClient jdbc;
    private final Cache<Long, Optional<SaleFacts>> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(2)).maximumSize(10_000).build();

    FlashFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SaleFacts> of(long saleId) {
        return cache.get(saleId, this::load);
    }

    void forget(long saleId) {
        cache.invalidate(saleId);
    }

    private Optional<SaleFacts> load(long saleId) {
        Map<Long, ItemFacts> items = jdbc.sql("select sku_id, flash_price_fen, quantity from flash_sale_item where sale_id = ?").param(saleId)
                .query((rs, n) -> new ItemFacts(rs.getLong(1), rs.getLong(2), rs.getInt(3))).list().stream()
                .collect(Collectors.toUnmodifiableMap(ItemFacts::skuId, item -> item));
        return jdbc.sql("select status, starts_at, ends_at, per_member_limit from flash_sale where id = ?").param(saleId)
                .query((rs, n) -> new SaleFacts(saleId, FlashReview.valueOf(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4), items))
                .optional();
    }
}
