package com.kinshop.complaint;

import com.kinshop.deposit.PenaltyPayee;
import com.kinshop.shared.BusinessException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplaintRulesTest {

    @Test
    void theCategoryComesFromTheFixedList() {
        assertThat(ComplaintRules.category(" not_as_described ")).isEqualTo(ComplaintCategory.NOT_AS_DESCRIBED);
        for (String bad : new String[] {null, "", "ANGRY"}) {
            assertThatThrownBy(() -> ComplaintRules.category(bad)).isInstanceOf(BusinessException.class)
                    .extracting("field", "messageKey").containsExactly("category", "complaint.category.invalid");
        }
    }

    @Test
    void textIsOneToFiveHundredCharactersCountingAChineseCharacterOnce() {
        assertThat(ComplaintRules.text("  坏了  ", "text")).isEqualTo("坏了");
        assertThat(ComplaintRules.text("坏".repeat(500), "text")).hasSize(500);
        assertThat(ComplaintRules.text("😀".repeat(500), "answer")).as("500 code points, 1000 chars").hasSize(1000);
        assertThatThrownBy(() -> ComplaintRules.text("坏".repeat(501), "answer")).extracting("field", "messageKey")
                .containsExactly("answer", "complaint.text.too-long");
        assertThatThrownBy(() -> ComplaintRules.text(" \n ", "text")).extracting("field", "messageKey").containsExactly("text", "complaint.text.required");
    }

    @Test
    void atMostNineImages() {
        ComplaintRules.imageCount(8, 1, "image");
        assertThatThrownBy(() -> ComplaintRules.imageCount(9, 1, "image")).extracting("field").isEqualTo("image");
        assertThatThrownBy(() -> ComplaintRules.imageCount(0, 10, "images")).extracting("field").isEqualTo("images");
    }

    @Test
    void aPenaltyIsNeverNegativeAndAboveZeroSaysWhereItGoes() {
        assertThat(ComplaintRules.penalty(null, null)).isZero();
        assertThat(ComplaintRules.penalty(0L, null)).isZero();
        assertThat(ComplaintRules.penalty(500L, "buyer")).isEqualTo(500);
        assertThatThrownBy(() -> ComplaintRules.penalty(-1L, "BUYER")).extracting("field").isEqualTo("penaltyFen");
        assertThatThrownBy(() -> ComplaintRules.penalty(500L, null)).extracting("field").isEqualTo("penaltyTo");
        assertThatThrownBy(() -> ComplaintRules.penalty(500L, "MY_POCKET")).extracting("field").isEqualTo("penaltyTo");
        assertThat(ComplaintRules.payee("platform")).isEqualTo(PenaltyPayee.PLATFORM);
    }

    @Test
    void theReasonIsRequiredAndShort() {
        assertThat(ComplaintRules.reason(" 货不对板 ")).isEqualTo("货不对板");
        assertThatThrownBy(() -> ComplaintRules.reason("")).extracting("field").isEqualTo("reason");
        assertThatThrownBy(() -> ComplaintRules.reason("理".repeat(201))).extracting("field").isEqualTo("reason");
    }

    @Test
    void theSupplierSeesOnlyTheFirstCharacterOfTheBuyer() {
        assertThat(ComplaintRules.masked("林晓雨")).isEqualTo("林**");
        assertThat(ComplaintRules.masked("Alice")).isEqualTo("A**");
        assertThat(ComplaintRules.masked("😀开心")).isEqualTo("😀**");
        assertThat(ComplaintRules.masked(" ")).isEqualTo("买家**");
    }
}
