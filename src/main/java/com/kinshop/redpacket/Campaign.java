package com.kinshop.redpacket;

import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A red-packet campaign as members and its supplier see it. */
@Schema(name = "RedPacketCampaign")
public record Campaign(long id, SupplierId supplier, String supplierName, String name, Money budget,
                       @Schema(description = "Smallest packet") Money minPacket, @Schema(description = "Largest packet") Money maxPacket,
                       int perMemberLimit, @Schema(description = "Budget not yet claimed (0 once ended)") Money remaining,
                       int claims, CampaignStatus status,
                       @Schema(description = "What a member sees now: not started, running, all gone (less left than the smallest packet), ended")
                       Phase phase, Instant startsAt, Instant endsAt) {

    public enum Phase {
        UPCOMING, RUNNING, ALL_GONE, ENDED;

        /** Derived from the clock, not only the stored state, so the page is right between two timer sweeps. */
        static Phase of(CampaignStatus status, Instant startsAt, Instant endsAt, boolean exhausted, Instant now) {
            if (!CampaignStatus.OPEN.contains(status) || !now.isBefore(endsAt)) {
                return ENDED;
            }
            if (now.isBefore(startsAt)) {
                return UPCOMING;
            }
            return exhausted ? ALL_GONE : RUNNING;
        }
    }

    /** Seconds until the next change a countdown shows (start, or end), never negative. */
    public long secondsToNextChange(Instant now) {
        Instant next = phase == Phase.UPCOMING ? startsAt : endsAt;
        return Math.max(0, java.time.Duration.between(now, next).getSeconds());
    }
}
