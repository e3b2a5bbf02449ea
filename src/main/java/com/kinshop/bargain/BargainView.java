package com.kinshop.bargain;

import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A bargain as its page shows it to anyone with the link: progress, the cuts with their helpers (masked names and
 * avatars), the deadline. {@code status} is derived with the clock, so a bargain past its deadline reads EXPIRED
 * before the timer sweeps it. The order's numbers are shown to the starter only.
 */
@Schema(name = "Bargain")
public record BargainView(long bargainId, long campaignId, String productName, String spec, String imageUrl, Person starter,
                          Money normalPrice, Money floorPrice,
                          @Schema(description = "What the starter would pay now: the normal price less the cuts taken") Money currentPrice,
                          @Schema(description = "Friends needed to reach the floor") int helpersNeeded,
                          @Schema(description = "Friends who have helped (the starter's own first cut not counted)") int helps,
                          @Schema(description = "Cuts still to come before the floor") int cutsLeft,
                          @Schema(description = "Cut so far, in fen of the whole way to the floor, 0–100") int percent,
                          List<Cut> cuts, BargainStatus status, Instant startedAt, Instant expiresAt,
                          @Schema(description = "Seconds until the deadline, 0 once passed") long secondsLeft,
                          @Schema(description = "The caller started it") boolean mine,
                          @Schema(description = "The caller has helped it") boolean helpedByMe,
                          @Schema(description = "Only helpers registered after the bargain started may help") boolean newMembersOnly,
                          @Schema(description = "The starter's order (starter only), while ordered or bought") String checkoutNumber,
                          @Schema(description = "The starter's order (starter only), while ordered or bought") String orderNumber) {

    /** A person as strangers see them: a masked nickname (张**) and the avatar or its initial. */
    @Schema(name = "BargainPerson")
    public record Person(String maskedName, String avatarUrl, String initial) {

        static Person of(String nickname, String avatarUrl) {
            String name = nickname == null || nickname.isBlank() ? "?" : nickname.strip();
            String first = name.substring(0, name.offsetByCodePoints(0, 1));
            return new Person(first + "**", avatarUrl, first);
        }
    }

    @Schema(name = "BargainCut")
    public record Cut(int index, Person helper, @Schema(description = "The starter's own first cut") boolean byStarter, Money amount, Instant at) {
    }

    /** "01:02:03", or "2d 01:02:03": what the page shows before its script takes over the countdown. */
    public String countdownText() {
        long days = secondsLeft / 86_400;
        long rest = secondsLeft % 86_400;
        return (days > 0 ? days + "d " : "") + "%02d:%02d:%02d".formatted(rest / 3600, rest % 3600 / 60, rest % 60);
    }

    public boolean buyable() {
        return BargainStatus.BUYABLE.contains(status);
    }
}
