package com.kinshop.ordering.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.OrderPayments;
import com.kinshop.shared.BusinessException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 去支付 from any page: starts (or resumes) paying a checkout and sends the buyer to the provider's cashier. */
@Component
class CashierRedirect {

    private final OrderPayments payments;

    CashierRedirect(OrderPayments payments) {
        this.payments = payments;
    }

    /** The cashier hands back the open payment, or a new one for what is still unpaid; a refusal shows on the result page. */
    String to(CurrentUser user, String checkout, RedirectAttributes redirect) {
        try {
            return "redirect:" + payments.pay(user.id(), checkout).redirectUrl();
        } catch (BusinessException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            return "redirect:/me/pay/" + checkout;
        }
    }
}
