package com.kinshop.flashsale;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.kinshop.catalog.ProductId;
import com.kinshop.shared.Money;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flash-sale session a product is in — running now, or the next to start within a day — for the product page's
 * 秒杀 strip. The sessions are read once per node every few seconds, not per product view: most products are in no
 * session, and the product page must not pay a query to learn that.
 */
@Component
public class FlashOffers {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Duration ANNOUNCED_BEFORE = Duration.ofDays(1);

    /** A product's place in a session: its lowest flash price there, units left, the session's window, and whether it runs now. */
    public record Offer(long saleId, Money flashPrice, Money normalPrice, long remaining, Instant startsAt, Instant endsAt, boolean running) {

        /** 去抢购: it runs and has units left. */
        public boolean open() {
            return running && remaining > 0;
        }

        Offer at(Instant now) {
            return new Offer(saleId, flashPrice, normalPrice, remaining, startsAt, endsAt, !now.isBefore(startsAt));
        }
    }

    private final FlashSales sales;
    private final Clock clock;
    /** One entry, every product's offer; refreshed in the background once stale, so product pages keep the last map meanwhile. */
    private final LoadingCache<Boolean, Map<Long, Offer>> byProduct;

    FlashOffers(FlashSales sales, Clock clock) {
        this.sales = sales;
        this.clock = clock;
        this.byProduct = Caffeine.newBuilder().refreshAfterWrite(FRESH_FOR).maximumSize(1).build(any -> index());
    }

    public Optional<Offer> forProduct(ProductId product) {
        Map<Long, Offer> offers;
        try {
            offers = byProduct.get(Boolean.TRUE);
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the strip is optional: a database hiccup must not fail the product page
        }
        Instant now = clock.instant();
        return Optional.ofNullable(offers.get(product.value())).filter(offer -> now.isBefore(offer.endsAt())).map(offer -> offer.at(now));
    }

    /** Each product's soonest session; an earlier one wins over a later one. */
    private Map<Long, Offer> index() {
        Map<Long, Offer> offers = new HashMap<>();
        for (FlashSale sale : sales.runningOrStartingBefore(clock.instant().plus(ANNOUNCED_BEFORE), 200)) {
            Map<Long, List<FlashSale.Item>> items = new HashMap<>();
            sale.items().forEach(item -> items.computeIfAbsent(item.productId(), id -> new java.util.ArrayList<>()).add(item));
            items.forEach((productId, ofProduct) -> {
                FlashSale.Item cheapest = ofProduct.stream().min(Comparator.comparing(FlashSale.Item::flashPrice)).orElseThrow();
                long remaining = ofProduct.stream().mapToLong(FlashSale.Item::remaining).sum();
                offers.putIfAbsent(productId, new Offer(sale.id(), cheapest.flashPrice(), cheapest.normalPrice(), remaining, sale.startsAt(), sale.endsAt(),
                        false)); // whether it runs is decided when it is shown (at)
            });
        }
        return Map.copyOf(offers);
    }
}
