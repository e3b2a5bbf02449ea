package com.kinshop.complaint;

import com.kinshop.shared.BusinessException;

import java.util.Locale;

/** What a complaint, an answer and a decision must be, checked before anything is stored. Plain Java. */
public final class ComplaintRules {

    public static final int MAX_TEXT = 500;
    public static final int MAX_REASON = 200;
    public static final int MAX_IMAGES = 9;
    public static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

    private ComplaintRules() {
    }

    public static ComplaintCategory category(String category) {
        if (category == null || category.isBlank()) {
            throw BusinessException.invalid("category", "complaint.category.invalid");
        }
        try {
            return ComplaintCategory.valueOf(category.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("category", "complaint.category.invalid");
        }
    }

    /** The text stripped: 1 to 500 characters (code points, so a Chinese character counts once). */
    public static String text(String text, String field) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw BusinessException.invalid(field, "complaint.text.required");
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_TEXT) {
            throw BusinessException.invalid(field, "complaint.text.too-long", MAX_TEXT);
        }
        return stripped;
    }

    /** {@code field}: what the client sent the pictures as (the filing's images, or the one image added later). */
    public static void imageCount(int already, int adding, String field) {
        if (already + adding > MAX_IMAGES) {
            throw BusinessException.invalid(field, "complaint.images.too-many", MAX_IMAGES);
        }
    }

    public static String reason(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_REASON) {
            throw BusinessException.invalid("reason", "complaint.reason.required", MAX_REASON);
        }
        return stripped;
    }

    /** An upheld complaint's penalty: 0 or more fen; above zero it must say where it goes. */
    public static long penalty(Long penaltyFen, String payee) {
        long penalty = penaltyFen == null ? 0 : penaltyFen;
        if (penalty < 0) {
            throw BusinessException.invalid("penaltyFen", "complaint.penalty.negative");
        }
        if (penalty > 0 && payee(payee) == null) {
            throw BusinessException.invalid("penaltyTo", "complaint.penalty.payee");
        }
        return penalty;
    }

    /** BUYER or PLATFORM; null when not given. */
    public static com.kinshop.deposit.PenaltyPayee payee(String payee) {
        if (payee == null || payee.isBlank()) {
            return null;
        }
        try {
            return com.kinshop.deposit.PenaltyPayee.valueOf(payee.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("penaltyTo", "complaint.penalty.payee");
        }
    }

    /** How the supplier sees the buyer: the first character of the nickname, then asterisks (never the phone). */
    public static String masked(String nickname) {
        if (nickname == null || nickname.isBlank()) {
            return "买家**";
        }
        String name = nickname.strip();
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "**";
    }
}
