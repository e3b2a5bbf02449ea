package com.kinshop.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in the currency's minor unit (fen for CNY). Never a double; rounding is explicit and written once.
 * In JSON every amount a response carries is {@code {"fen": 19999, "currency": "CNY", "display": "¥199.99"}}: {@code fen}
 * is authoritative, {@code display} is for showing. {@code display} (and the {@code negative}/{@code positive} of
 * events stored before it existed) is skipped when read, so events in the publication registry read back after a crash.
 */
@Schema(name = "Money", description = "An amount: fen (分, integer) is authoritative; display is the amount formatted for people",
        requiredProperties = {"fen", "currency", "display"})
@JsonPropertyOrder({"fen", "currency", "display"})
@JsonIgnoreProperties(value = {"display", "negative", "positive"}, allowGetters = true)
public record Money(@Schema(description = "The amount in the currency's minor unit (fen)", example = "19999") long fen,
                    @Schema(type = "string", description = "ISO 4217 code", example = "CNY") Currency currency)
        implements Comparable<Money> {

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

    @JsonIgnore
    public boolean isNegative() {
        return fen < 0;
    }

    @JsonIgnore
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

    /** "¥199.99", "-¥5.00": for people; clients compute with {@code fen}. */
    @JsonProperty("display")
    @Schema(description = "For display only, e.g. ¥199.99", example = "¥199.99", accessMode = Schema.AccessMode.READ_ONLY)
    public String display() {
        return (fen < 0 ? "-" : "") + currency.getSymbol(java.util.Locale.CHINA) + BigDecimal.valueOf(Math.abs(fen), 2).toPlainString();
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
