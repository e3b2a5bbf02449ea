package com.kinshop.commission.web;

import com.kinshop.shared.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Figures on the member centre pages (times: {@code @displayTimes}): {@code ${@memberCentre.yuan(summary.available)}}.
 * Amounts owed by the member (a clawback being recovered) show as "-¥12.00", never "¥-12.00".
 */
@Component("memberCentre")
class MemberCentreFormat {

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

}
