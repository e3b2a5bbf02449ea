package com.kinshop.flashsale;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlashSaleCountdownTest {

    private static final Instant NOW = Instant.parse("2026-12-12T04:00:00Z");

    private static FlashSale sale(Instant startsAt, Instant endsAt) {
        return new FlashSale(1, 1, "供应商", "12 点场", startsAt, endsAt, 1, FlashReview.APPROVED, null,
                FlashRules.phase(FlashReview.APPROVED, startsAt, endsAt, 1, NOW), NOW, List.of());
    }

    @Test
    void theCountdownToTheStartIsRoundedUpSoTheButtonNeverTurnsOnBeforeTheGateWouldTakeATap() {
        assertThat(sale(NOW.plusMillis(7_200), NOW.plus(Duration.ofHours(1))).secondsToNextPhase()).isEqualTo(8);
        assertThat(sale(NOW.plusMillis(7_000), NOW.plus(Duration.ofHours(1))).secondsToNextPhase()).isEqualTo(7);
        assertThat(sale(NOW.plusMillis(1), NOW.plus(Duration.ofHours(1))).secondsToNextPhase()).isEqualTo(1);
    }

    @Test
    void aRunningSessionCountsDownToItsEndAndAnEndedOneToNothing() {
        assertThat(sale(NOW.minusSeconds(60), NOW.plusMillis(59_500)).secondsToNextPhase()).isEqualTo(60);
        assertThat(sale(NOW.minusSeconds(120), NOW.minusSeconds(60)).secondsToNextPhase()).isZero();
        assertThat(sale(NOW.minusSeconds(60), NOW.plus(Duration.ofMinutes(30))).durationSeconds()).isEqualTo(1_860);
    }
}
