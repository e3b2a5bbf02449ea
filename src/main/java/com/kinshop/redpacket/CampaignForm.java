package com.kinshop.redpacket;

import com.kinshop.shared.BusinessException;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * What supplier staff give to start a red-packet campaign, checked here in plain Java (the balance is checked against
 * the ledger when the budget is funded). Each refusal names the field as the API calls it.
 */
@Schema(name = "RedPacketCampaignForm", requiredProperties = {"name", "budgetFen", "minFen", "maxFen", "startsAt", "endsAt"})
public record CampaignForm(
        @Schema(description = "Shown to members, at most 40 characters", example = "双十二红包雨") String name,
        @Schema(description = "The whole budget in fen, held from the supplier's payable", example = "10000") Long budgetFen,
        @Schema(description = "Smallest packet in fen (> 0)", example = "100") Long minFen,
        @Schema(description = "Largest packet in fen (≥ minFen, ≤ 20000)", example = "500") Long maxFen,
        @Schema(description = "When members can start claiming") Instant startsAt,
        @Schema(description = "When claiming stops; the packets' coupons are valid until then") Instant endsAt,
        @Schema(description = "Packets one member may win in this campaign (1–10, default 1)", example = "1") Integer perMemberLimit) {

    public static final int NAME_MAX = 40;
    /** ¥200, the largest single red packet members know from the payment apps. */
    public static final long PACKET_MAX_FEN = 20_000;
    public static final long BUDGET_MAX_FEN = 100_000_000;
    public static final int PER_MEMBER_MAX = 10;

    /** The form with its defaults (one packet per member), checked against {@code now}. */
    public CampaignForm checked(Instant now) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
            throw BusinessException.invalid("name", "redpacket.name.invalid", NAME_MAX);
        }
        if (minFen == null || minFen <= 0) {
            throw BusinessException.invalid("minFen", "redpacket.min.positive");
        }
        if (maxFen == null || maxFen < minFen) {
            throw BusinessException.invalid("maxFen", "redpacket.max.below-min");
        }
        if (maxFen > PACKET_MAX_FEN) {
            throw BusinessException.invalid("maxFen", "redpacket.max.too-large", "200.00");
        }
        if (budgetFen == null || budgetFen < minFen) {
            throw BusinessException.invalid("budgetFen", "redpacket.budget.below-min");
        }
        if (budgetFen > BUDGET_MAX_FEN) {
            throw BusinessException.invalid("budgetFen", "redpacket.budget.too-large");
        }
        if (startsAt == null) {
            throw BusinessException.invalid("startsAt", "redpacket.starts.required");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw BusinessException.invalid("endsAt", "redpacket.ends.before-start");
        }
        if (!endsAt.isAfter(now)) {
            throw BusinessException.invalid("endsAt", "redpacket.ends.past");
        }
        int limit = perMemberLimit == null ? 1 : perMemberLimit;
        if (limit < 1 || limit > PER_MEMBER_MAX) {
            throw BusinessException.invalid("perMemberLimit", "redpacket.per-member.range", PER_MEMBER_MAX);
        }
        return new CampaignForm(trimmed, budgetFen, minFen, maxFen, startsAt, endsAt, limit);
    }
}
