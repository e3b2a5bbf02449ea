package com.kinshop.groupbuy;

import com.kinshop.shared.BusinessException;

import java.time.Instant;
import java.util.Optional;

/**
 * The group-buy decisions that need no database, unit-tested on their own: why a seat cannot be taken, what a
 * campaign's window means now, and what happens to a group at its deadline. The guarded updates decide under a race;
 * these rules explain a refusal (and are asked again after a guarded update lost, to say why).
 */
public final class GroupRules {

    private GroupRules() {
    }

    /** A group as a join sees it. */
    public record GroupFacts(long id, long leaderId, GroupStatus status, int size, int seatsTaken, Instant deadline) {
    }

    /** Where a campaign stands for members now. */
    public enum Phase { PENDING_REVIEW, REJECTED, UPCOMING, RUNNING, ENDED }

    public static Phase phase(CampaignReview review, Instant startsAt, Instant endsAt, Instant now) {
        return switch (review) {
            case PENDING -> Phase.PENDING_REVIEW;
            case REJECTED -> Phase.REJECTED;
            case APPROVED -> now.isBefore(startsAt) ? Phase.UPCOMING : now.isBefore(endsAt) ? Phase.RUNNING : Phase.ENDED;
        };
    }

    /** Opening or joining needs an approved campaign inside its window. */
    public static void requireRunning(Phase phase) {
        switch (phase) {
            case PENDING_REVIEW, REJECTED -> throw BusinessException.conflict("campaignId", "group.campaign.not-approved");
            case UPCOMING -> throw BusinessException.conflict("campaignId", "group.campaign.not-started");
            case ENDED -> throw BusinessException.conflict("campaignId", "group.campaign.ended");
            case RUNNING -> {
            }
        }
    }

    /**
     * Why {@code memberId} cannot take a seat in the group now, if anything stops them: the group closed (succeeded or
     * failed), its time ran out, it is full, or they hold a seat in it already (their own group, or one they joined).
     */
    public static Optional<BusinessException> refusal(GroupFacts group, long memberId, boolean holdsLiveSeat, Instant now) {
        if (group.status() == GroupStatus.FAILED) {
            return Optional.of(BusinessException.conflict("groupId", "group.join.failed"));
        }
        if (holdsLiveSeat) {
            return Optional.of(BusinessException.conflict("groupId", group.leaderId() == memberId ? "group.join.own" : "group.join.twice"));
        }
        if (group.status() == GroupStatus.SUCCEEDED) {
            return Optional.of(BusinessException.conflict("groupId", "group.join.succeeded"));
        }
        if (!group.deadline().isAfter(now)) {
            return Optional.of(BusinessException.conflict("groupId", "group.join.expired"));
        }
        if (group.seatsTaken() >= group.size()) {
            return Optional.of(BusinessException.conflict("groupId", "group.join.full"));
        }
        return Optional.empty();
    }

    /** A member's quantity: at least one, and within what the per-member limit leaves them. */
    public static void checkQuantity(Integer quantity, int perMemberLimit, int alreadyBought) {
        if (quantity == null || quantity < 1) {
            throw BusinessException.invalid("quantity", "group.quantity.positive");
        }
        if (alreadyBought + quantity > perMemberLimit) {
            throw BusinessException.conflict("quantity", "group.quantity.limit", perMemberLimit, Math.max(0, perMemberLimit - alreadyBought));
        }
    }

    /** What the deadline does to a group still open: fails it, or with virtual fill completes it with simulated seats. */
    public record AtDeadline(GroupStatus.Move move, int virtualSeats) {
    }

    /**
     * Virtual fill (模拟成团) completes a group at its deadline only when at least one member has paid: the missing seats
     * are shown as simulated, with no order or money behind them. Otherwise — and always when virtual fill is off — the
     * group fails.
     */
    public static AtDeadline atDeadline(int paidCount, int size, boolean virtualFill) {
        if (virtualFill && paidCount >= 1 && paidCount < size) {
            return new AtDeadline(GroupStatus.Move.SUCCEED, size - paidCount);
        }
        return new AtDeadline(GroupStatus.Move.FAIL, 0);
    }

    /** Masks a nickname for others to see: its first character and a star (a one-character name shows only the star). */
    public static String masked(String nickname) {
        if (nickname == null || nickname.isBlank()) {
            return "*";
        }
        String name = nickname.strip();
        int first = name.offsetByCodePoints(0, 1);
        return first >= name.length() ? "*" : name.substring(0, first) + "**";
    }
}
