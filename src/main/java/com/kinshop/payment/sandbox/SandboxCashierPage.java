package com.kinshop.payment.sandbox;

import com.kinshop.payment.PaymentProvider.Outcome;
import com.kinshop.shared.BusinessException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The sandbox's cashier (收银台): what WeChat Pay's or Alipay's page would be, with buttons to pay, fail or close. */
@Controller
@ConditionalOnProperty(name = "kinshop.payment.sandbox.enabled", havingValue = "true")
class SandboxCashierPage {

    private final SandboxCashier cashier;

    SandboxCashierPage(SandboxCashier cashier) {
        this.cashier = cashier;
    }

    @GetMapping("/sandbox/pay/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("bill", cashier.bill(id));
        return "payment/sandbox-cashier";
    }

    @PostMapping("/sandbox/pay/{id}/{action}")
    String act(@PathVariable String id, @PathVariable String action, Model model) {
        Outcome outcome = switch (action) {
            case "pay" -> Outcome.SUCCEEDED;
            case "fail" -> Outcome.FAILED;
            case "close" -> Outcome.CLOSED;
            default -> throw BusinessException.notFound("sandbox.payment.not-found");
        };
        try {
            return "redirect:" + cashier.settle(id, outcome).returnUrl();
        } catch (BusinessException refused) {
            model.addAttribute("bill", cashier.bill(id));
            model.addAttribute("error", refused.messageKey());
            return "payment/sandbox-cashier";
        }
    }
}
