package com.kinshop.flashsale;

import com.kinshop.shared.BusinessException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What supplier staff give to propose a flash-sale session, checked here in plain Java (the flash prices against the
 * price rule in {@link FlashPrices}, with the catalog's figures). Each refusal names the field as the API calls it.
 */
@Schema(name = "FlashSaleForm", requiredProperties = {"title", "startsAt", "endsAt", "items"})
public record FlashSaleForm(
        @Schema(description = "Shown to buyers, 1–40 characters", example = "双十二 12 点场") String title,
        @Schema(description = "When the buy button opens (server time)") Instant startsAt,
        @Schema(description = "When the session closes; at most 7 days after it starts") Instant endsAt,
        @Schema(description = "Units one member (and one delivery address) may hold in the session, 1–10, default 1", example = "1") Integer perMemberLimit,
        @ArraySchema(arraySchema = @Schema(description = "The SKUs on sale (1–20), each with its flash price and quantity")) List<Item> items) {

    public static final int TITLE_MAX = 40;
    public static final int LIMIT_MAX = 10;
    public static final int ITEMS_MAX = 20;
    public static final int QUANTITY_MAX = 100_000;
    public static final Duration LONGEST = Duration.ofDays(7);

    @Schema(name = "FlashSaleItemForm", requiredProperties = {"skuId", "flashPriceFen", "quantity"})
    public record Item(@Schema(description = "A SKU of my supplier, on sale", example = "1") Long skuId,
                       @Schema(description = "Flash price in fen: below the normal price, and still supply + commission budget + platform fee ≤ it",
                               example = "990") Long flashPriceFen,
                       @Schema(description = "Units set aside from stock at approval, 1–100000", example = "100") Integer quantity) {
    }

    /** The form as checked: the title trimmed, the limit defaulted. */
    public record Checked(String title, Instant startsAt, Instant endsAt, int perMemberLimit, List<Item> items) {
    }

    public Checked checked(Instant now) {
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > TITLE_MAX) {
            throw BusinessException.invalid("title", "flash.title.invalid", TITLE_MAX);
        }
        if (startsAt == null) {
            throw BusinessException.invalid("startsAt", "flash.starts.required");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw BusinessException.invalid("endsAt", "flash.ends.before-start");
        }
        if (!endsAt.isAfter(now)) {
            throw BusinessException.invalid("endsAt", "flash.ends.past");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw BusinessException.invalid("endsAt", "flash.ends.too-long");
        }
        int limit = perMemberLimit == null ? 1 : perMemberLimit;
        if (limit < 1 || limit > LIMIT_MAX) {
            throw BusinessException.invalid("perMemberLimit", "flash.limit.range", LIMIT_MAX);
        }
        if (items == null || items.isEmpty() || items.size() > ITEMS_MAX) {
            throw BusinessException.invalid("items", "flash.items.required", ITEMS_MAX);
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item == null || item.skuId() == null || !seen.add(item.skuId())) {
                throw BusinessException.invalid("items[" + i + "].skuId", "flash.sku.invalid");
            }
            if (item.flashPriceFen() == null || item.flashPriceFen() <= 0) {
                throw BusinessException.invalid("items[" + i + "].flashPriceFen", "flash.price.positive");
            }
            if (item.quantity() == null || item.quantity() < 1 || item.quantity() > QUANTITY_MAX) {
                throw BusinessException.invalid("items[" + i + "].quantity", "flash.quantity.range", QUANTITY_MAX);
            }
        }
        return new Checked(name, startsAt, endsAt, limit, List.copyOf(items));
    }
}
