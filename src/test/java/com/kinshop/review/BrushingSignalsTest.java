package com.kinshop.review;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BrushingSignalsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(200));

    @Test
    void noSignalNoFlag() {
        assertThat(BrushingSignals.fired(new BrushingSignals.Facts(false, false, false, false, false, LONG_AGO, 50, NOW))).isEmpty();
    }

    @Test
    void eachSignalIsNamed() {
        assertThat(BrushingSignals.fired(new BrushingSignals.Facts(true, true, true, true, true, LONG_AGO, 0, NOW))).containsExactly(
                BrushingReason.SUPPLIER_STAFF, BrushingReason.BOUND_TO_STAFF, BrushingReason.COMMISSION_BENEFICIARY,
                BrushingReason.SHARES_STAFF_PHONE, BrushingReason.SHARES_STAFF_ADDRESS);
    }

    @Test
    void aBurstFlagsOnlyFromTheFifthFiveStarReviewAndOnlyOnANewProduct() {
        Instant newProduct = NOW.minus(Duration.ofDays(29));
        assertThat(BrushingSignals.fired(new BrushingSignals.Facts(false, false, false, false, false, newProduct, 4, NOW))).isEmpty();
        assertThat(BrushingSignals.fired(new BrushingSignals.Facts(false, false, false, false, false, newProduct, 5, NOW)))
                .isEqualTo(List.of(BrushingReason.FIVE_STAR_BURST));
        Instant justNotNew = NOW.minus(BrushingSignals.NEW_PRODUCT).minusSeconds(1);
        assertThat(BrushingSignals.fired(new BrushingSignals.Facts(false, false, false, false, false, justNotNew, 9, NOW))).isEmpty();
    }

    @Test
    void addressesMatchIgnoringSpacesAndPunctuation() {
        assertThat(BrushingSignals.sameAddress("上海市浦东新区 世纪大道 100 号", List.of("上海市浦东新区世纪大道100号"))).isTrue();
        assertThat(BrushingSignals.sameAddress("上海市浦东新区，世纪大道100号。", List.of("上海市浦东新区 世纪大道100号"))).isTrue();
        assertThat(BrushingSignals.sameAddress("上海市浦东新区 世纪大道 101 号", List.of("上海市浦东新区世纪大道100号"))).isFalse();
        assertThat(BrushingSignals.sameAddress("", List.of(""))).as("nothing is not a match").isFalse();
    }
}
