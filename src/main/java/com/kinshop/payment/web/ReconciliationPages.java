package com.kinshop.payment.web;

import com.kinshop.payment.Reconciliation;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Operator console: the daily reconciliation runs against each provider's bill, and running one day again on demand. */
@Controller
@RequestMapping("/console/admin/reconciliation")
class ReconciliationPages {

    private static final int HISTORY_RUNS = 60;

    private final Reconciliation reconciliation;
    private final Clock clock;

    ReconciliationPages(Reconciliation reconciliation, Clock clock) {
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @GetMapping
    String history(Model model) {
        model.addAttribute("runs", reconciliation.history(HISTORY_RUNS));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("nav", "reconciliation");
        return "console/admin/reconciliation";
    }

    @PostMapping
    String run(@RequestParam(defaultValue = "") String day, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/admin/reconciliation", "console.recon.done", () -> {
            LocalDate date;
            try {
                date = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                throw BusinessException.invalid("day", "console.recon.day.invalid");
            }
            reconciliation.run(date);
            redirect.addFlashAttribute("ranDay", date.toString());
        });
    }
}
