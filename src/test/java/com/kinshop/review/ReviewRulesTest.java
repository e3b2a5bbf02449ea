package com.kinshop.review;

import com.kinshop.shared.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewRulesTest {

    @Test
    void starsAreOneToFiveAndARefusalNamesTheField() {
        ReviewRules.checkStars("productStars", 1);
        ReviewRules.checkStars("productStars", 5);
        assertThatThrownBy(() -> ReviewRules.checkStars("serviceStars", 0)).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.field()).isEqualTo("serviceStars");
            assertThat(e.messageKey()).isEqualTo("reviews.stars.range");
        });
        assertThatThrownBy(() -> ReviewRules.checkStars("logisticsStars", 6)).isInstanceOf(BusinessException.class);
    }

    @Test
    void textIsStrippedLimitedTo500CharactersCountedAsPeopleCountThemAndRequiredOnlyWhereSaid() {
        assertThat(ReviewRules.checkText("text", "  很好  ", false)).isEqualTo("很好");
        assertThat(ReviewRules.checkText("text", null, false)).isEmpty();
        assertThat(ReviewRules.checkText("text", "好".repeat(500), true)).hasSize(500);
        assertThat(ReviewRules.checkText("text", "😀".repeat(500), true)).as("an emoji is one character, two chars in Java").hasSize(1000);
        assertThatThrownBy(() -> ReviewRules.checkText("text", "好".repeat(501), false))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("reviews.text.too-long"));
        assertThatThrownBy(() -> ReviewRules.checkText("text", "   ", true))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("reviews.text.required"));
    }

    @Test
    void atMostNineImages() {
        ReviewRules.checkImageCount(9);
        assertThatThrownBy(() -> ReviewRules.checkImageCount(10))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.field()).isEqualTo("images"));
    }

    @Test
    void aFollowUpIsAllowedUntilNinetyDaysAfterReceipt() {
        Instant received = Instant.parse("2026-01-01T00:00:00Z");
        ReviewRules.checkFollowUpWindow(received, received.plus(Duration.ofDays(90)));
        assertThatThrownBy(() -> ReviewRules.checkFollowUpWindow(received, received.plus(Duration.ofDays(90)).plusSeconds(1)))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("reviews.follow-up.too-late"));
    }

    @Test
    void anAnonymousNameKeepsItsFirstCharacter() {
        assertThat(ReviewRules.masked("张三丰")).isEqualTo("张**");
        assertThat(ReviewRules.masked("😀小明")).isEqualTo("😀**");
        assertThat(ReviewRules.masked("")).isEqualTo("**");
    }
}
