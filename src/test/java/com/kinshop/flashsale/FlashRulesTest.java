package com.kinshop.flashsale;

import com.kinshop.shared.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlashRulesTest {

    private static final Instant START = Instant.parse("2026-12-12T04:00:00Z");
    private static final Instant END = START.plusSeconds(3600);

    @Test
    void thePhaseFollowsTheServerClockAndTheUnitsLeft() {
        assertThat(FlashRules.phase(FlashReview.APPROVED, START, END, 100, START.minusMillis(1))).isEqualTo(FlashRules.Phase.UPCOMING);
        assertThat(FlashRules.phase(FlashReview.APPROVED, START, END, 100, START)).as("the instant it starts").isEqualTo(FlashRules.Phase.RUNNING);
        assertThat(FlashRules.phase(FlashReview.APPROVED, START, END, 0, START.plusSeconds(5))).isEqualTo(FlashRules.Phase.SOLD_OUT);
        assertThat(FlashRules.phase(FlashReview.APPROVED, START, END, 0, START.minusSeconds(5))).as("nothing left is still upcoming before the start")
                .isEqualTo(FlashRules.Phase.UPCOMING);
        assertThat(FlashRules.phase(FlashReview.APPROVED, START, END, 3, END)).as("the end itself is over").isEqualTo(FlashRules.Phase.ENDED);
        assertThat(FlashRules.phase(FlashReview.APPROVED, START, END, 0, END.plusSeconds(1))).isEqualTo(FlashRules.Phase.ENDED);
        assertThat(FlashRules.phase(FlashReview.PENDING, START, END, 3, START)).isEqualTo(FlashRules.Phase.PENDING_REVIEW);
        assertThat(FlashRules.phase(FlashReview.REJECTED, START, END, 3, START)).isEqualTo(FlashRules.Phase.REJECTED);
    }

    @Test
    void theGateSellsFromTheStartUntilJustBeforeTheEnd() {
        FlashRules.requireOpen(START, END, START);
        FlashRules.requireOpen(START, END, END.minusMillis(1));
        assertThatThrownBy(() -> FlashRules.requireOpen(START, END, START.minusMillis(1))).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.messageKey() + "@" + e.field() + "@" + e.status().value()).isEqualTo("flash.not-started@id@409"));
        assertThatThrownBy(() -> FlashRules.requireOpen(START, END, END)).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.messageKey()).isEqualTo("flash.ended"));
    }

    @Test
    void oneAddressWrittenTwoWaysIsOneKeyAndTwoAddressesAreTwo() {
        String plain = FlashRules.addressKey("13800001111", "上海市浦东新区", "世纪大道100号");
        assertThat(FlashRules.addressKey("13800001111", "上海市 浦东新区", " 世纪大道 １００ 号，")).isEqualTo(plain);
        assertThat(FlashRules.addressKey("13800001111", "上海市浦东新区", "Room 5A")).isEqualTo(FlashRules.addressKey("13800001111", "上海市浦东新区", "room-5a"));
        assertThat(FlashRules.addressKey("13800001111", "上海市浦东新区", "世纪大道101号")).isNotEqualTo(plain);
        assertThat(FlashRules.addressKey("13800002222", "上海市浦东新区", "世纪大道100号")).as("another receiver phone").isNotEqualTo(plain);
        String longDetail = "很长的地址".repeat(30);
        String key = FlashRules.addressKey("13800001111", "上海市", longDetail);
        assertThat(key).hasSizeLessThanOrEqualTo(64).isNotEqualTo(FlashRules.addressKey("13800001111", "上海市", longDetail + "甲"));
    }

    @Test
    void eachSkuOfEachSessionIsItsOwnPool() {
        assertThat(FlashRules.pool(7, 12)).isEqualTo("flash:7:12");
        assertThat(FlashRules.pool(7, 13)).isNotEqualTo(FlashRules.pool(7, 12));
    }

    @Test
    void theMovesGoOnlyForward() {
        assertThat(ClaimStatus.QUEUED.canMoveTo(ClaimStatus.ORDERED)).isTrue();
        assertThat(ClaimStatus.ORDERED.canMoveTo(ClaimStatus.RELEASED)).isTrue();
        assertThat(ClaimStatus.PAID.canMoveTo(ClaimStatus.RELEASED)).as("a paid unit is never given back to the counter").isFalse();
        assertThat(ClaimStatus.RELEASED.canMoveTo(ClaimStatus.RELEASED)).as("released once").isFalse();
        assertThat(ClaimStatus.QUEUED.canMoveTo(ClaimStatus.PAID)).isFalse();
        assertThat(FlashReview.PENDING.canMoveTo(FlashReview.APPROVED)).isTrue();
        assertThat(FlashReview.REJECTED.canMoveTo(FlashReview.APPROVED)).isFalse();
    }
}
