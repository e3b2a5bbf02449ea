package com.kinshop.commission.web;

import com.kinshop.commission.Earnings;
import com.kinshop.commission.Withdrawals;
import com.kinshop.identity.CurrentUser;
import com.kinshop.referral.DistributionPolicies;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.FormErrors;
import com.kinshop.shared.Idempotency;
import com.kinshop.shared.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.UUID;

/** 提现: the form (amount in yuan, with the policy's minimum, daily limit and fee) and 提现记录. */
@Controller
class MemberWithdrawalPages {

    private static final int LIST_LIMIT = 100;

    private final Withdrawals withdrawals;
    private final Earnings earnings;
    private final DistributionPolicies policies;
    private final Idempotency idempotency;

    MemberWithdrawalPages(Withdrawals withdrawals, Earnings earnings, DistributionPolicies policies, Idempotency idempotency) {
        this.withdrawals = withdrawals;
        this.earnings = earnings;
        this.policies = policies;
        this.idempotency = idempotency;
    }

    /** {@code token} is a fresh key per form shown, so pressing 提现 twice (or resending the form) withdraws once. */
    record WithdrawForm(String amount, String token) {
    }

    @GetMapping("/me/earnings/withdraw")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("withdrawForm", new WithdrawForm("", null));
        return formPage(user, model);
    }

    @PostMapping("/me/earnings/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("withdrawForm") WithdrawForm form, BindingResult errors,
                    Model model) {
        Money amount = yuan(form.amount());
        if (amount == null) {
            errors.rejectValue("amount", "withdrawal.amount.required");
        } else {
            try {
                // the same key space and body as POST /api/me/withdrawals: one withdrawal per key, whichever door it came through
                idempotency.execute("withdraw:" + user.id(), blankToNull(form.token()), new EarningsApi.WithdrawalRequest(amount.fen()),
                        () -> ResponseEntity.status(HttpStatus.CREATED).body(withdrawals.request(user.id(), amount)));
                // a query flag, not a flash attribute: the two requests of a double submit overlap in one session, and
                // both adding the same new session attribute makes Spring Session JDBC's second insert fail (a 500 page)
                return "redirect:/me/withdrawals?requested";
            } catch (BusinessException e) {
                if (e.messageKey().startsWith("idempotency.")) {
                    // an old form sent again with another amount: it was already used, so this one is refused as such
                    errors.reject("withdrawal.member.resubmitted");
                } else {
                    FormErrors.reject(errors, e);
                }
            }
        }
        // nothing was stored for a refused request, but a fresh key keeps a stale form from colliding with this one
        // (the form object itself stays: replacing it would drop its errors from the model)
        return formPage(user, model);
    }

    private String formPage(CurrentUser user, Model model) {
        model.addAttribute("tab", "me");
        model.addAttribute("token", UUID.randomUUID().toString());
        model.addAttribute("summary", earnings.summary(user.id()));
        model.addAttribute("policy", policies.current());
        return "commission/withdraw";
    }

    @GetMapping("/me/withdrawals")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String requested, Model model) {
        List<Withdrawals.View> mine = withdrawals.of(user.id(), LIST_LIMIT);
        model.addAttribute("tab", "me");
        if (requested != null) {
            model.addAttribute("notice", "withdrawal.member.requested");
        }
        model.addAttribute("withdrawals", mine);
        // an approved withdrawal is paid out by a background job within seconds: the list refreshes itself until then
        model.addAttribute("payingOut", mine.stream().anyMatch(w -> w.status() == Withdrawals.Status.APPROVED));
        return "commission/withdrawals";
    }

    /** Yuan as typed ("50", "12.5", "¥12.50"), exact to the fen; null when it is not a positive amount. */
    static Money yuan(String typed) {
        if (typed == null) {
            return null;
        }
        String plain = typed.strip().replace("¥", "").replace("￥", "").replace(",", "");
        try {
            Money amount = Money.yuan(plain);
            return amount.isPositive() && amount.fen() <= 100_000_000L ? amount : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String blankToNull(String token) {
        return token == null || token.isBlank() ? null : token;
    }

}
