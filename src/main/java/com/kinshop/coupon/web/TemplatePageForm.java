package com.kinshop.coupon.web;

import com.kinshop.shared.FormAmounts;

import com.kinshop.coupon.CouponKind;
import com.kinshop.coupon.CouponScope;
import com.kinshop.coupon.CouponTerms;
import com.kinshop.coupon.TemplateForm;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The console's 新建优惠券 form as typed: amounts in yuan, times as the browser's datetime-local in the display zone,
 * validity as a window or days after claiming. Fields stay as typed, so a refusal shows them again next to its message.
 */
public class TemplatePageForm {

    private String title = "";
    private CouponKind kind = CouponKind.AMOUNT_OFF;
    private String amount = "";
    private String threshold = "";
    private String percentOff = "";
    private String cap = "";
    private CouponScope scope;
    private String targetId = "";
    private boolean fixedWindow;
    private String validFrom = "";
    private String validUntil = "";
    private String validDays = "7";
    private String totalQuantity = "100";
    private String perMemberLimit = "1";
    private boolean newMember;

    /** The template asked for; a malformed number or time is refused naming its field. */
    TemplateForm toForm(ZoneId zone) {
        CouponTerms terms = switch (kind == null ? CouponKind.AMOUNT_OFF : kind) {
            case AMOUNT_OFF -> CouponTerms.amountOff(FormAmounts.money(amount, "amount"), FormAmounts.money(threshold, "threshold"));
            case NO_THRESHOLD -> CouponTerms.noThreshold(FormAmounts.money(amount, "amount"));
            case PERCENT_OFF -> CouponTerms.percentOff(whole(percentOff, "percentOff"), FormAmounts.money(cap, "cap"),
                    threshold.isBlank() ? Money.ZERO : FormAmounts.money(threshold, "threshold"));
        };
        Long target = targetId == null || targetId.isBlank() ? null : (long) whole(targetId, "targetId");
        return new TemplateForm(title, terms, scope, target, fixedWindow ? time(validFrom, zone, "validFrom") : null,
                fixedWindow ? time(validUntil, zone, "validUntil") : null, fixedWindow ? null : whole(validDays, "validDays"),
                whole(totalQuantity, "totalQuantity"), whole(perMemberLimit, "perMemberLimit"), newMember);
    }


    private static int whole(String typed, String field) {
        try {
            return Integer.parseInt(typed.strip());
        } catch (RuntimeException e) {
            throw BusinessException.invalid(field, "coupon.form.whole-number");
        }
    }

    private static Instant time(String typed, ZoneId zone, String field) {
        try {
            return LocalDateTime.parse(typed.strip()).atZone(zone).toInstant();
        } catch (RuntimeException e) {
            throw BusinessException.invalid(field, "coupon.form.time");
        }
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public CouponKind getKind() { return kind; }
    public void setKind(CouponKind kind) { this.kind = kind; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getThreshold() { return threshold; }
    public void setThreshold(String threshold) { this.threshold = threshold; }
    public String getPercentOff() { return percentOff; }
    public void setPercentOff(String percentOff) { this.percentOff = percentOff; }
    public String getCap() { return cap; }
    public void setCap(String cap) { this.cap = cap; }
    public CouponScope getScope() { return scope; }
    public void setScope(CouponScope scope) { this.scope = scope; }
    public String getTargetId() { return targetId; }
    public void setTargetId(String targetId) { this.targetId = targetId; }
    public boolean isFixedWindow() { return fixedWindow; }
    public void setFixedWindow(boolean fixedWindow) { this.fixedWindow = fixedWindow; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String validUntil) { this.validUntil = validUntil; }
    public String getValidDays() { return validDays; }
    public void setValidDays(String validDays) { this.validDays = validDays; }
    public String getTotalQuantity() { return totalQuantity; }
    public void setTotalQuantity(String totalQuantity) { this.totalQuantity = totalQuantity; }
    public String getPerMemberLimit() { return perMemberLimit; }
    public void setPerMemberLimit(String perMemberLimit) { this.perMemberLimit = perMemberLimit; }
    public boolean isNewMember() { return newMember; }
    public void setNewMember(boolean newMember) { this.newMember = newMember; }
}
