package com.kinshop.flashsale;

import com.kinshop.shared.BusinessException;

import java.time.Instant;
import java.util.Locale;

/**
 * The flash-sale decisions that need no database, unit-tested on their own: what a session's phase is now (from the
 * server's clock and the units left, never the phone's), whether the gate may sell, and the key that makes two ways of
 * writing one delivery address count as one address for the per-address limit.
 */
public final class FlashRules {

    private FlashRules() {
    }

    /** Where a session stands: buyers see UPCOMING 即将开抢, RUNNING 抢购中, SOLD_OUT 已抢光 and ENDED 已结束. */
    public enum Phase { PENDING_REVIEW, REJECTED, UPCOMING, RUNNING, SOLD_OUT, ENDED }

    public static Phase phase(FlashReview review, Instant startsAt, Instant endsAt, long remaining, Instant now) {
        return switch (review) {
            case PENDING -> Phase.PENDING_REVIEW;
            case REJECTED -> Phase.REJECTED;
            case APPROVED -> now.isBefore(startsAt) ? Phase.UPCOMING : !now.isBefore(endsAt) ? Phase.ENDED
                    : remaining <= 0 ? Phase.SOLD_OUT : Phase.RUNNING;
        };
    }

    /** The gate sells only inside the window, by the server's clock (the counter decides whether units are left). */
    public static void requireOpen(Instant startsAt, Instant endsAt, Instant now) {
        if (now.isBefore(startsAt)) {
            throw BusinessException.conflict("id", "flash.not-started");
        }
        if (!now.isBefore(endsAt)) {
            throw BusinessException.conflict("id", "flash.ended");
        }
    }

    /**
     * One delivery address however it is written: the receiver's phone and the address with spaces and punctuation
     * removed and letters and full-width digits folded, so "世纪大道 100 号" and "世纪大道100号" are one address.
     */
    public static String addressKey(String phone, String region, String detail) {
        String text = (phone == null ? "" : phone) + "|" + (region == null ? "" : region) + (detail == null ? "" : detail);
        StringBuilder key = new StringBuilder();
        text.codePoints().forEach(c -> {
            int folded = c >= '０' && c <= '９' ? c - '０' + '0' : c >= 'Ａ' && c <= 'ｚ' ? c - 0xFEE0 : c;
            if (Character.isLetterOrDigit(folded) || folded == '|') {
                key.appendCodePoint(Character.toLowerCase(folded));
            }
        });
        String normalized = key.toString().toLowerCase(Locale.ROOT);
        // the column holds 64 characters: a long address keeps its phone and a hash of the rest
        return normalized.length() <= 64 ? normalized : normalized.substring(0, 52) + "#" + Integer.toHexString(normalized.hashCode());
    }

    /** The counter pool of one SKU in one session. */
    public static String pool(long saleId, long skuId) {
        return "flash:" + saleId + ":" + skuId;
    }
}
