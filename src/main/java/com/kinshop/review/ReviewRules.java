package com.kinshop.review;

import com.kinshop.shared.BusinessException;

import java.time.Duration;
import java.time.Instant;

/** What a review, a follow-up and a reply must be: plain rules, checked before anything is stored. */
public final class ReviewRules {

    public static final int MAX_TEXT = 500;
    public static final int MAX_IMAGES = 9;
    public static final long MAX_IMAGE_BYTES = 2L * 1024 * 1024;
    /** A follow-up (追评) may be written until 90 days after the order was received (签收). */
    public static final Duration FOLLOW_UP_WINDOW = Duration.ofDays(90);

    private ReviewRules() {
    }

    public static void checkStars(String field, int stars) {
        if (stars < 1 || stars > 5) {
            throw BusinessException.invalid(field, "reviews.stars.range");
        }
    }

    /** A review's text may be empty (stars alone are a review); a follow-up's and a reply's may not. */
    public static String checkText(String field, String text, boolean required) {
        String stripped = text == null ? "" : text.strip();
        if (required && stripped.isEmpty()) {
            throw BusinessException.invalid(field, "reviews.text.required");
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_TEXT) {
            throw BusinessException.invalid(field, "reviews.text.too-long", MAX_TEXT);
        }
        return stripped;
    }

    public static void checkImageCount(int count) {
        if (count > MAX_IMAGES) {
            throw BusinessException.invalid("images", "reviews.images.too-many", MAX_IMAGES);
        }
    }

    public static void checkFollowUpWindow(Instant receivedAt, Instant now) {
        if (now.isAfter(receivedAt.plus(FOLLOW_UP_WINDOW))) {
            throw BusinessException.conflict("text", "reviews.follow-up.too-late", FOLLOW_UP_WINDOW.toDays());
        }
    }

    /** How a reviewer is shown when they asked to stay anonymous: the first character of the name, then stars (张**). */
    public static String masked(String nickname) {
        if (nickname == null || nickname.isBlank()) {
            return "**";
        }
        return nickname.substring(0, nickname.offsetByCodePoints(0, 1)) + "**";
    }
}
