package com.kinshop.ordering.web;

import com.kinshop.ordering.AfterSaleStatus;
import com.kinshop.ordering.AfterSales;
import com.kinshop.ordering.Orders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Operator disputes", description = "After-sales requests buyers escalated after a supplier's rejection")
@RestController
@RequestMapping("/api/admin")
class DisputeApi {

    private final Orders orders;
    private final AfterSales afterSales;

    DisputeApi(Orders orders, AfterSales afterSales) {
        this.orders = orders;
        this.afterSales = afterSales;
    }

    @GetMapping("/disputes")
    List<Orders.AfterSaleView> list() {
        return orders.escalated();
    }

    @Schema(name = "DisputeDecision")
    record Decision(@NotNull(message = "{aftersale.decision.required}") Boolean refund,
                    @NotBlank(message = "{aftersale.decision-note.required}") String note) {
    }

    record CompletedRefund(@NotNull(message = "{aftersale.line.required}") Long lineId,
                           @NotNull(message = "{aftersale.quantity.required}") Integer quantity,
                           @NotBlank(message = "{aftersale.decision-note.required}") String note) {
    }

    @Operation(summary = "Refund units of a completed order (late claim); settled commission on them is clawed back")
    @PostMapping("/orders/{number}/refunds")
    AfterSaleCreated refundCompleted(@PathVariable String number, @Valid @RequestBody CompletedRefund refund) {
        return new AfterSaleCreated(afterSales.refundCompleted(number, refund.lineId(), refund.quantity(), refund.note()));
    }

    @Operation(summary = "Decide an escalated request: refund the buyer, or close it; the note is shown to both sides")
    @PostMapping("/disputes/{number}/decision")
    AfterSaleOutcome decide(@PathVariable String number, @Valid @RequestBody Decision decision) {
        afterSales.decide(number, decision.refund(), decision.note());
        return new AfterSaleOutcome((decision.refund() ? AfterSaleStatus.REFUNDING : AfterSaleStatus.CLOSED).name());
    }
}
