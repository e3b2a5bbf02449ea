package com.kinshop.commission.web;

import com.kinshop.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Figures and times on the member centre pages, in the platform's time zone: {@code ${@memberCentre.yuan(summary.available)}}.
 * Amounts owed by the member (a clawback being recovered) show as "-¥12.00", never "¥-12.00".
 */
@Component("memberCentre")
class MemberCentreFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;

    MemberCentreFormat(@Value("${kinshop.time-zone}") ZoneId zone) {
        this.zone = zone;
    }

    public String yuan(Money amount) {
        return amount.isNegative() ? "-¥" + amount.negated().toPlainString() : "¥" + amount.toPlainString();
    }

    /** A change to a balance: "+¥6.00" or "-¥6.00". */
    public String signed(Money change) {
        return change.isNegative() ? yuan(change) : "+¥" + change.toPlainString();
    }

    /** Basis points as a percentage without trailing zeros: 6000 → "60%", 1250 → "12.5%". */
    public String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
    }

    public String at(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    public String at(OffsetDateTime time) {
        return time == null ? "" : at(time.toInstant());
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }
}
