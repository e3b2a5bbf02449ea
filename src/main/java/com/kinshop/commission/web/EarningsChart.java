package com.kinshop.commission.web;

import com.kinshop.commission.Earnings;
import com.kinshop.shared.Money;

import java.util.List;

/**
 * The 30-day earnings chart as plain data for a CSS bar chart (no charting library): each day's settled and still
 * estimated commission as a percentage of the tallest day, stacked.
 */
record EarningsChart(List<Bar> bars, Money total) {

    record Bar(java.time.LocalDate day, Money estimated, Money settled, double estimatedPercent, double settledPercent, boolean labelled) {

        public Money total() {
            return estimated.plus(settled);
        }
    }

    static EarningsChart of(List<Earnings.Day> days) {
        long tallest = days.stream().mapToLong(d -> Math.max(0, d.estimated().fen()) + Math.max(0, d.settled().fen())).max().orElse(0);
        Money total = days.stream().map(d -> d.estimated().plus(d.settled())).reduce(Money.ZERO, Money::plus);
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Earnings.Day day = days.get(i);
            // a date under today's bar and every 7th day before it, so the axis reads without crowding a phone screen
            boolean labelled = i == days.size() - 1 || (days.size() - 1 - i) % 7 == 0;
            bars.add(new Bar(day.day(), day.estimated(), day.settled(), percent(day.estimated(), tallest), percent(day.settled(), tallest), labelled));
        }
        return new EarningsChart(bars, total);
    }

    public boolean isEmpty() {
        return !total.isPositive();
    }

    private static double percent(Money amount, long tallest) {
        return tallest <= 0 || !amount.isPositive() ? 0 : Math.max(2, Math.round(amount.fen() * 1000.0 / tallest) / 10.0);
    }
}
