package com.kinshop.complaint;

import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A complaint as its buyer, its supplier and the operator see it: the same for all three, and safe for the supplier —
 * the buyer appears only masked ({@code buyer}: 李**), never by phone or full name.
 */
@Schema(name = "Complaint")
public record Complaint(String number, String orderNumber, Long orderLineId,
                        @Schema(description = "What the complaint is about: the line's product, or the order's products") String subject,
                        ComplaintCategory category, String text, List<String> images, ComplaintStatus status,
                        @Schema(description = "The buyer, masked: first character of the nickname and asterisks") String buyer,
                        String supplierName, Instant createdAt, Instant answerDeadline, String answer, Instant answeredAt,
                        @Schema(description = "When the timer handed it to the operator unanswered; null if answered or still in time") Instant overdueAt,
                        @Schema(description = "The decision: true upheld, false dismissed, null not yet decided") Boolean upheld,
                        Money penalty,
                        @Schema(description = "BUYER or PLATFORM (a PenaltyPayee); null unless a penalty was taken") String penaltyTo, String decisionReason, Instant decidedAt, Instant withdrawnAt) {
}
