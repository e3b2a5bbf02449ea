package com.kinshop.credit.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.credit.CreditLevel;
import com.kinshop.credit.CreditRules;
import com.kinshop.credit.CreditRulesAdmin;
import com.kinshop.credit.CreditScore;
import com.kinshop.credit.SupplierStanding;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Credit", description = "Supplier credit (信用分): score, level and the figures behind it over the rolling window; the operator's rules")
@RestController
class CreditApi {

    private final SupplierStanding standing;
    private final CreditRulesAdmin rules;
    private final Suppliers suppliers;

    CreditApi(SupplierStanding standing, CreditRulesAdmin rules, Suppliers suppliers) {
        this.standing = standing;
        this.rules = rules;
        this.suppliers = suppliers;
    }

    @Schema(name = "SupplierCredit", description = "A supplier's credit as buyers see it")
    record PublicCredit(long supplierId, String name, int score, CreditLevel level, @Schema(description = "Days the figures cover") int windowDays,
                        long ratings, @Schema(description = "Average of product, logistics and service stars (0 without ratings)") double averageStars,
                        @Schema(description = "Shipped within the promised time, of the orders shipped (1 without any)") double shipOnTimeRate,
                        @Schema(description = "Orders with a refund granted, of the orders paid") double afterSalesRate,
                        long complaintsUpheld, long depositDeductions) {

        static PublicCredit of(SupplierStanding.Credit c) {
            CreditScore.Figures f = c.figures();
            return new PublicCredit(c.supplier().value(), c.name(), c.score(), c.level(), c.windowDays(), f.ratings(), round(f.averageStars()),
                    round(f.shipOnTimeRate()), round(f.afterSalesRate()), f.complaintsUpheld(), f.depositDeductions());
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }

    @Schema(name = "OwnCredit", description = "The supplier's own credit: what buyers see, the parts of the score, flag and suspension")
    record OwnCredit(PublicCredit credit, List<CreditScore.Part> parts, boolean flagged, boolean suspended, int flagBelow, int suspendBelow,
                     @Schema(description = "Points to the next level up (0 at the top)") int pointsToNextLevel) {
    }

    @Operation(summary = "A supplier's credit level and the figures behind it (public)", description = "404 for an unknown supplier.")
    @GetMapping("/api/credit/suppliers/{id}")
    PublicCredit supplier(@PathVariable long id) {
        return PublicCredit.of(standing.of(new SupplierId(id)));
    }

    @Operation(summary = "The caller's supplier's credit, with its parts and what each would need")
    @GetMapping("/api/supplier/credit")
    OwnCredit own(@AuthenticationPrincipal CurrentUser user) {
        SupplierStanding.Credit credit = standing.of(supplierOf(user));
        return new OwnCredit(PublicCredit.of(credit), credit.parts(), credit.flagged(), credit.suspended(), credit.flagBelow(), credit.suspendBelow(),
                credit.pointsToNextLevel());
    }

    @Operation(summary = "The credit rules in force (operator)")
    @GetMapping("/api/admin/credit/rules")
    CreditRules current() {
        return rules.current();
    }

    @Operation(summary = "Preview proposed rules: every supplier whose level, flag or suspension would change (nothing is saved)",
            description = "400 naming the field for a missing or out-of-range value, or weights not adding up to 100.")
    @PostMapping("/api/admin/credit/rules/preview")
    List<CreditRulesAdmin.Change> preview(@RequestBody CreditRules proposed) {
        return rules.preview(proposed);
    }

    @Operation(summary = "Save the rules and apply them to every supplier and its products; returns who changed",
            description = "400 naming the field for a bad value; nothing is changed then.")
    @PutMapping("/api/admin/credit/rules")
    List<CreditRulesAdmin.Change> save(@AuthenticationPrincipal CurrentUser user, @RequestBody CreditRules proposed) {
        return rules.save(user.id(), proposed);
    }

    @Operation(summary = "Suppliers below the flag threshold, lowest score first (operator)")
    @GetMapping("/api/admin/credit/flagged")
    List<SupplierStanding.Flagged> flagged() {
        return standing.flagged();
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
