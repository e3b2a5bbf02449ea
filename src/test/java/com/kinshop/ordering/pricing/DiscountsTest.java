package com.kinshop.ordering.pricing;

import com.kinshop.catalog.SkuId;
import com.kinshop.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static com.kinshop.ordering.pricing.Lines.FOOD;
import static com.kinshop.ordering.pricing.Lines.HOME;
import static com.kinshop.ordering.pricing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountsTest {

    private static Set<SkuId> skus(long... ids) {
        Set<SkuId> set = new java.util.HashSet<>();
        for (long id : ids) {
            set.add(new SkuId(id));
        }
        return set;
    }

    @Test
    void noDiscountsChangeNothing() {
        PricingContext context = Lines.priced(line(1, FOOD, 3_990, 2), line(2, FOOD, 2_500, 1));
        new Discounts(List.of()).apply(context);
        assertThat(context.lines()).extracting(PricingContext.Line::paid).containsExactly(Money.fen(7_980), Money.fen(2_500));
        assertThat(context.lines()).extracting(PricingContext.Line::discount).containsOnly(Money.ZERO);
    }

    @Test
    void aDiscountIsSplitProRataRoundedDownWithTheRemainderOnTheLastLineAndItsFunderRecorded() {
        PricingContext context = Lines.priced(line(1, FOOD, 3_990, 2), line(2, FOOD, 2_500, 1), line(3, HOME, 1_000, 1));
        new Discounts(List.of(new Discount(Money.fen(500), skus(1, 2), Funder.SUPPLIER))).apply(context);
        var lines = context.lines();
        assertThat(lines.get(0).supplierDiscount()).as("500 × 7980 / 10480 = 380.7 → 380").isEqualTo(Money.fen(380));
        assertThat(lines.get(1).supplierDiscount()).as("the remainder").isEqualTo(Money.fen(120));
        assertThat(lines.get(2).discount()).as("out of scope").isEqualTo(Money.ZERO);
        assertThat(lines.get(0).platformDiscount()).isEqualTo(Money.ZERO);
        assertThat(lines.get(0).paid()).isEqualTo(Money.fen(7_600));
        assertThat(context.orders().get(0).discount()).isEqualTo(Money.fen(500));
    }

    @Test
    void aSecondDiscountIsSplitOnWhatTheFirstLeftAndEachFunderKeepsItsPart() {
        PricingContext context = Lines.priced(line(1, FOOD, 1_000, 1), line(2, FOOD, 1_000, 1));
        new Discounts(List.of(new Discount(Money.fen(1_000), skus(1), Funder.SUPPLIER),
                new Discount(Money.fen(500), skus(1, 2), Funder.PLATFORM))).apply(context);
        var lines = context.lines();
        assertThat(lines.get(0).paid()).as("already free: takes none of the second").isEqualTo(Money.ZERO);
        assertThat(lines.get(0).platformDiscount()).isEqualTo(Money.ZERO);
        assertThat(lines.get(1).platformDiscount()).isEqualTo(Money.fen(500));
        assertThat(lines.get(1).supplierDiscount()).isEqualTo(Money.ZERO);
    }

    @Test
    void aDiscountAboveWhatItsLinesPayOrNamingAnotherSkuIsRefused() {
        PricingContext context = Lines.priced(line(1, FOOD, 1_000, 1));
        assertThatThrownBy(() -> new Discounts(List.of(new Discount(Money.fen(1_001), skus(1), Funder.PLATFORM))).apply(context))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Discounts(List.of(new Discount(Money.fen(1), skus(9), Funder.PLATFORM))).apply(context))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Discount(Money.ZERO, skus(1), Funder.PLATFORM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomDiscountsAlwaysAddUpToTheirAmountAndNeverTakeALineBelowZero() {
        Random random = new Random(10L);
        for (int round = 0; round < 5_000; round++) {
            List<PricingContext.Line> lines = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                lines.add(line(i + 1, random.nextBoolean() ? FOOD : HOME, 1 + random.nextInt(20_000), 1 + random.nextInt(5)));
            }
            PricingContext context = Lines.priced(lines.toArray(PricingContext.Line[]::new));
            long before = context.lines().stream().mapToLong(line -> line.paid().fen()).sum();
            List<Discount> discounts = new ArrayList<>();
            long remaining = before;
            long given = 0;
            for (int d = 0; d < 1 + random.nextInt(3) && remaining > 0; d++) {
                long amount = 1 + (long) (random.nextDouble() * remaining);
                discounts.add(new Discount(Money.fen(amount), skus(java.util.stream.LongStream.rangeClosed(1, count).toArray()),
                        random.nextBoolean() ? Funder.PLATFORM : Funder.SUPPLIER));
                remaining -= amount;
                given += amount;
            }
            new Discounts(discounts).apply(context);
            long discounted = 0;
            for (PricingContext.Line line : context.lines()) {
                assertThat(line.paid().fen()).as("round %d", round).isNotNegative();
                assertThat(line.paid().plus(line.discount())).isEqualTo(line.unitPrice().times(line.quantity()));
                discounted += line.discount().fen();
            }
            assertThat(discounted).as("round %d: the lines add up to the discounts exactly", round).isEqualTo(given);
            long platform = discounts.stream().filter(d -> d.funder() == Funder.PLATFORM).mapToLong(d -> d.amount().fen()).sum();
            assertThat(context.lines().stream().mapToLong(l -> l.platformDiscount().fen()).sum()).isEqualTo(platform);
        }
    }
}
