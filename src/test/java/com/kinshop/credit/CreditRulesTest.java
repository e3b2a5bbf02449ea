package com.kinshop.credit;

import com.kinshop.shared.BusinessException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditRulesTest {

    private static BusinessException refusal(CreditRules rules) {
        try {
            rules.validated();
        } catch (BusinessException e) {
            return e;
        }
        throw new AssertionError("accepted " + rules);
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(CreditRules.DEFAULTS.validated()).isEqualTo(CreditRules.DEFAULTS);
        assertThat(CreditRules.DEFAULTS.flaggedFactor()).isEqualTo(0.7);
    }

    @Test
    void eachFieldOutOfRangeOrMissingIsNamed() {
        assertThat(refusal(new CreditRules(6, 48, 20, 50, 30, 20, 8, 5, 60, 40, 70)).field()).isEqualTo("windowDays");
        assertThat(refusal(new CreditRules(366, 48, 20, 50, 30, 20, 8, 5, 60, 40, 70)).field()).isEqualTo("windowDays");
        assertThat(refusal(new CreditRules(90, 0, 20, 50, 30, 20, 8, 5, 60, 40, 70)).field()).isEqualTo("promisedShipHours");
        assertThat(refusal(new CreditRules(90, 48, -1, 50, 30, 20, 8, 5, 60, 40, 70)).field()).isEqualTo("priorWeight");
        assertThat(refusal(new CreditRules(90, 48, 20, 101, 30, 20, 8, 5, 60, 40, 70)).field()).isEqualTo("ratingWeight");
        assertThat(refusal(new CreditRules(90, 48, 20, 50, null, 20, 8, 5, 60, 40, 70)).field()).isEqualTo("shipWeight");
        assertThat(refusal(new CreditRules(90, 48, 20, 50, 30, 20, 101, 5, 60, 40, 70)).field()).isEqualTo("complaintPoints");
        assertThat(refusal(new CreditRules(90, 48, 20, 50, 30, 20, 8, -5, 60, 40, 70)).field()).isEqualTo("deductionPoints");
        assertThat(refusal(new CreditRules(90, 48, 20, 50, 30, 20, 8, 5, 101, 40, 70)).field()).isEqualTo("flagBelow");
        assertThat(refusal(new CreditRules(90, 48, 20, 50, 30, 20, 8, 5, 60, 61, 70)).field()).isEqualTo("suspendBelow");
        assertThat(refusal(new CreditRules(90, 48, 20, 50, 30, 20, 8, 5, 60, null, 70)).field()).isEqualTo("suspendBelow");
        assertThat(refusal(new CreditRules(90, 48, 20, 50, 30, 20, 8, 5, 60, 40, 9)).field()).isEqualTo("flaggedFactorPct");
        assertThat(refusal(new CreditRules(null, 48, 20, 50, 30, 20, 8, 5, 60, 40, 70)).messageKey()).isEqualTo("credit.rules.windowDays");
    }

    @Test
    void theWeightsMustAddUpToAHundred() {
        BusinessException e = refusal(new CreditRules(90, 48, 20, 50, 30, 30, 8, 5, 60, 40, 70));
        assertThat(e.field()).isEqualTo("ratingWeight");
        assertThat(e.messageKey()).isEqualTo("credit.rules.weights-sum");
        assertThat(e.args()).containsExactly(110);
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        new CreditRules(7, 1, 0, 100, 0, 0, 0, 0, 0, 0, 10).validated();
        new CreditRules(365, 720, 1000, 0, 0, 100, 100, 100, 100, 100, 100).validated();
        assertThatThrownBy(() -> new CreditRules(365, 721, 1000, 0, 0, 100, 100, 100, 100, 100, 100).validated()).isInstanceOf(BusinessException.class);
    }
}
