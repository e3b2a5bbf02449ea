package com.kinshop.shared;

import com.kinshop.support.ApiTest;
import com.kinshop.support.Concurrently;
import com.kinshop.support.KinshopIT;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Business numbers under load: many callers in the same second get distinct numbers of the usual shape. */
@KinshopIT
class BusinessNumbersIT extends ApiTest {

    @Test
    void tenThousandNumbersDrawnInParallelWithinOneSecondAreAllDistinctAndKeepTheirFormat() throws Exception {
        Instant sameSecond = Instant.parse("2026-11-22T05:13:48Z");

        List<List<String>> batches = Concurrently.all(20, () -> IntStream.range(0, 500)
                .mapToObj(i -> BusinessNumbers.next(jdbc, "K", sameSecond, java.time.ZoneId.of("Asia/Shanghai"))).toList());

        List<String> numbers = batches.stream().flatMap(List::stream).toList();
        assertThat(numbers).hasSize(10_000).allMatch(n -> n.matches("K261122131348\\d{6}"), "K + yyMMddHHmmss in the display zone (as pages show times) + six digits");
        assertThat(new HashSet<>(numbers)).as("random digits collided ~50 times in 10,000 draws of one second").hasSize(10_000);
    }

    @Test
    void theSixDigitsArePermutedSoConsecutiveNumbersDoNotReadAsACount() {
        boolean[] seen = new boolean[1_000_000];
        for (long sequence = 1; sequence <= 1_000_000; sequence++) {
            int digits = (int) BusinessNumbers.scrambled(sequence);
            if (seen[digits]) {
                fail("a bijection of 0..999999 repeats nothing within a million, but %d repeated at %d".formatted(digits, sequence));
            }
            seen[digits] = true;
        }
        assertThat(Math.abs(BusinessNumbers.scrambled(2) - BusinessNumbers.scrambled(1))).isGreaterThan(1000);
    }
}
