package com.kinshop.payment.web;

import com.kinshop.payment.Reconciliation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@Tag(name = "Operator reconciliation", description = "Provider bills against our payments and refunds, per day")
@RestController
@RequestMapping("/api/admin/reconciliation")
class ReconciliationApi {

    private final Reconciliation reconciliation;

    ReconciliationApi(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping
    List<Reconciliation.Report> history() {
        return reconciliation.history(60);
    }

    @Operation(summary = "Reconcile one day now (the nightly run does yesterday)")
    @PostMapping
    List<Reconciliation.Report> run(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return reconciliation.run(day);
    }
}
