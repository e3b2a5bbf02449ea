package com.kinshop.commission.web;

import com.kinshop.commission.HeldCommissions;
import com.kinshop.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Operator commission review", description = "Commissions held by the fraud checks, released or voided by the operator")
@RestController
@RequestMapping("/api/admin/held-commissions")
class CommissionReviewApi {

    private final HeldCommissions heldCommissions;

    CommissionReviewApi(HeldCommissions heldCommissions) {
        this.heldCommissions = heldCommissions;
    }

    @GetMapping
    List<HeldCommissions.HeldCommission> held() {
        return heldCommissions.held();
    }

    @Schema(description = "What the operator did with a held commission")
    record HeldCommissionOutcome(@Schema(description = "RELEASED or VOIDED") String result) {
    }

    @Operation(summary = "Release a held commission: it settles now if its order is complete")
    @PostMapping("/{id}/release")
    HeldCommissionOutcome release(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id) {
        heldCommissions.release(operator.id(), id);
        return new HeldCommissionOutcome("RELEASED");
    }

    @Operation(summary = "Void a held commission: the money goes back to the order, or to the platform once the order is settled")
    @PostMapping("/{id}/void")
    HeldCommissionOutcome voidHeld(@AuthenticationPrincipal CurrentUser operator, @PathVariable long id) {
        heldCommissions.voidHeld(operator.id(), id);
        return new HeldCommissionOutcome("VOIDED");
    }
}
