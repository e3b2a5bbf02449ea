package com.kinshop.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The brushing (刷单) rules as plain Java: given the facts about a review at posting, which signals fire. Any signal
 * flags the review: its stars are kept out of the ratings (and no StarsCounted is published) until an operator decides.
 */
public final class BrushingSignals {

    /** A product counts as new for this long after it was first published. */
    public static final Duration NEW_PRODUCT = Duration.ofDays(30);
    /** The burst window and size: this many five-star reviews (this one included) within the window on a new product. */
    public static final Duration BURST_WINDOW = Duration.ofHours(24);
    public static final int BURST_SIZE = 5;

    private BrushingSignals() {
    }

    /**
     * @param fiveStarsInWindow five-star reviews of the product posted within {@link #BURST_WINDOW} before now, this one included
     */
    public record Facts(boolean reviewerIsStaff, boolean referrerIsStaff, boolean commissionBeneficiary, boolean sharesStaffPhone,
                        boolean sharesStaffAddress, Instant productPublishedAt, int fiveStarsInWindow, Instant now) {
    }

    public static List<BrushingReason> fired(Facts facts) {
        List<BrushingReason> reasons = new ArrayList<>();
        if (facts.reviewerIsStaff()) {
            reasons.add(BrushingReason.SUPPLIER_STAFF);
        }
        if (facts.referrerIsStaff()) {
            reasons.add(BrushingReason.BOUND_TO_STAFF);
        }
        if (facts.commissionBeneficiary()) {
            reasons.add(BrushingReason.COMMISSION_BENEFICIARY);
        }
        if (facts.sharesStaffPhone()) {
            reasons.add(BrushingReason.SHARES_STAFF_PHONE);
        }
        if (facts.sharesStaffAddress()) {
            reasons.add(BrushingReason.SHARES_STAFF_ADDRESS);
        }
        boolean newProduct = facts.productPublishedAt() != null && !facts.now().isAfter(facts.productPublishedAt().plus(NEW_PRODUCT));
        if (newProduct && facts.fiveStarsInWindow() >= BURST_SIZE) {
            reasons.add(BrushingReason.FIVE_STAR_BURST);
        }
        return reasons;
    }

    /** Addresses compared as written, ignoring spaces, punctuation and letter case ("浙江省 杭州市 西湖路1号" = "浙江省杭州市西湖路1号"). */
    public static String normalisedAddress(String address) {
        return address == null ? "" : address.replaceAll("[\\s\\p{Punct}，。、·]", "").toLowerCase(Locale.ROOT);
    }

    public static boolean sameAddress(String delivery, Collection<String> staffAddresses) {
        String wanted = normalisedAddress(delivery);
        return !wanted.isEmpty() && staffAddresses.stream().map(BrushingSignals::normalisedAddress).anyMatch(wanted::equals);
    }
}
