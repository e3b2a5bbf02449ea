package com.kinshop.flashsale;

import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A flash-sale session as buyers, suppliers and operators see it; {@code serverTime} is what countdowns count from. */
@Schema(name = "FlashSale")
public record FlashSale(long id, long supplierId, String supplierName, String title, Instant startsAt, Instant endsAt, int perMemberLimit,
                        @Schema(description = "Operator review: PENDING, APPROVED or REJECTED") FlashReview status, String reviewReason,
                        @Schema(description = "UPCOMING 即将开抢, RUNNING 抢购中, SOLD_OUT 已抢光, ENDED 已结束 (PENDING_REVIEW or REJECTED before approval)")
                        FlashRules.Phase phase,
                        @Schema(description = "The server's clock when this was read: count down from it, not from the phone's") Instant serverTime,
                        List<Item> items) {

    @Schema(name = "FlashSaleItem")
    public record Item(long skuId, long productId, String productName, String spec, String imageUrl,
                       @Schema(description = "The normal price") Money normalPrice, long flashPriceFen, Money flashPrice, int quantity,
                       @Schema(description = "Units not held by a live claim") long remaining) {

        public int soldPercent() {
            return quantity == 0 ? 100 : (int) ((quantity - remaining) * 100 / quantity);
        }
    }

    public long remaining() {
        return items.stream().mapToLong(Item::remaining).sum();
    }

    /** Buyers see approved sessions only; the consoles link to the storefront page of those. */
    public boolean onStorefront() {
        return status == FlashReview.APPROVED;
    }

    public boolean upcoming() {
        return phase == FlashRules.Phase.UPCOMING;
    }

    public boolean running() {
        return phase == FlashRules.Phase.RUNNING;
    }

    public Item item(long skuId) {
        return items.stream().filter(item -> item.skuId() == skuId).findFirst().orElse(null);
    }

    public Money lowestFlashPrice() {
        return items.stream().map(Item::flashPrice).min(Money::compareTo).orElse(Money.ZERO);
    }

    /** How long it runs, in seconds: an upcoming session's countdown goes on to the end once it starts. */
    public long durationSeconds() {
        return java.time.Duration.between(startsAt, endsAt).toSeconds();
    }

    /**
     * Seconds until it starts (upcoming) or ends (running), for the countdown; 0 otherwise. Rounded up: a page counting
     * down from it turns its buy button on at the start or a moment after, never before the gate would take the tap.
     */
    public long secondsToNextPhase() {
        Instant next = upcoming() ? startsAt : running() ? endsAt : serverTime;
        long millis = java.time.Duration.between(serverTime, next).toMillis();
        return Math.max(0, (millis + 999) / 1000);
    }
}
