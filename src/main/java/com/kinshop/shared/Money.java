package com.kinshop.shared;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in the currency's minor unit (fen for CNY). Never a double; rounding is explicit and written once.
 * In JSON, {@code negative} and {@code positive} are written (from the getters) and skipped when read, so a Money read
 * back strictly (unknown properties refused) is the one written — events in the publication registry are read back so
 * after a crash.
 */
@JsonIgnoreProperties(value = {"negative", "positive"}, allowGetters = true)
public record Money(long fen, Currency currency) implements Comparable<Money> {

    public static final Currency CNY = Currency.getInstance("CNY");
    public static final Money ZERO = new Money(0, CNY);

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money fen(long fen) {
        return new Money(fen, CNY);
    }

    /** Parses "12.34" exactly; more than two decimals is an error, not a rounding. */
    public static Money yuan(String amount) {
        BigDecimal value = new BigDecimal(amount.trim());
        if (value.scale() > 2) {
            throw new IllegalArgumentException("More than two decimals: " + amount);
        }
        return fen(value.movePointRight(2).longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, sameCurrency(other).fen), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, sameCurrency(other).fen), currency);
    }

    public Money negated() {
        return new Money(Math.negateExact(fen), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(fen, quantity), currency);
    }

    /** The share of this amount at a rate in basis points (1% = 100), rounded down to the fen. */
    public Money shareAt(int basisPoints) {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("Rate out of range: " + basisPoints + " bp");
        }
        return new Money(Math.floorDiv(Math.multiplyExact(fen, basisPoints), 10_000L), currency);
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, sameCurrency(other).fen);
    }

    /** "12.34" — the amount without a symbol, for forms and JSON. */
    public String toPlainString() {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    @Override
    public String toString() {
        return currency.getSymbol(java.util.Locale.CHINA) + toPlainString();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot mix " + currency + " and " + other.currency);
        }
        return other;
    }
}
