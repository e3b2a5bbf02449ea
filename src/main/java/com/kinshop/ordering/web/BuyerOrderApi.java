package com.kinshop.ordering.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.AfterSaleStatus;
import com.kinshop.ordering.AfterSaleKind;
import com.kinshop.ordering.AfterSales;
import com.kinshop.ordering.OrderLifecycle;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.ordering.Orders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "My orders", description = "The caller's orders: detail, cancel, confirm receipt, after-sales")
@RestController
@RequestMapping("/api/me")
class BuyerOrderApi {

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final AfterSales afterSales;

    BuyerOrderApi(Orders orders, OrderLifecycle lifecycle, AfterSales afterSales) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.afterSales = afterSales;
    }

    @GetMapping("/orders")
    List<Orders.Summary> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) OrderStatus status) {
        return orders.ofBuyer(user.id(), status, 100);
    }

    @GetMapping("/orders/{number}")
    Orders.Detail detail(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        return orders.forBuyer(user.id(), number);
    }

    @Operation(summary = "Cancel an order that is not paid yet; its units go back to stock")
    @PostMapping("/orders/{number}/cancel")
    NewStatus cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        lifecycle.cancelByBuyer(user.id(), number);
        return new NewStatus(OrderStatus.CANCELLED.name());
    }

    @Operation(summary = "Confirm receipt of a shipped order (otherwise it counts as received automatically)")
    @PostMapping("/orders/{number}/receipt")
    NewStatus receive(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        lifecycle.confirmReceipt(user.id(), number);
        return new NewStatus(OrderStatus.RECEIVED.name());
    }

    record AfterSaleRequest(@NotNull(message = "{aftersale.line.required}") Long lineId,
                            @NotNull(message = "{aftersale.kind.required}") AfterSaleKind kind,
                            @NotNull(message = "{aftersale.quantity.required}") @Min(value = 1, message = "{aftersale.quantity.min}")
                            @Max(value = 999, message = "{aftersale.quantity.min}") Integer quantity,
                            @NotBlank(message = "{aftersale.reason.required}") @Size(max = 200, message = "{aftersale.reason.required}") String reason) {
    }

    @Operation(summary = "Ask for a refund (or a return and refund) of some units of one line")
    @PostMapping("/orders/{number}/after-sales")
    @ResponseStatus(HttpStatus.CREATED)
    AfterSaleCreated requestAfterSale(@AuthenticationPrincipal CurrentUser user, @PathVariable String number,
                                      @Valid @RequestBody AfterSaleRequest request) {
        return new AfterSaleCreated(afterSales.request(user.id(), number,
                new AfterSales.Request(request.lineId(), request.kind(), request.quantity(), request.reason())));
    }

    @GetMapping("/after-sales")
    List<Orders.AfterSaleView> myAfterSales(@AuthenticationPrincipal CurrentUser user) {
        return orders.afterSalesOfBuyer(user.id());
    }

    record ReturnShipment(@NotBlank(message = "{shipment.carrier.invalid}") String carrier,
                          @NotBlank(message = "{shipment.tracking.invalid}") String trackingNumber) {
    }

    @PostMapping("/after-sales/{number}/return")
    NewStatus shipReturn(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @Valid @RequestBody ReturnShipment shipment) {
        afterSales.shipReturn(user.id(), number, shipment.carrier(), shipment.trackingNumber());
        return new NewStatus(AfterSaleStatus.RETURN_SHIPPED.name());
    }

    @Operation(summary = "Ask the operator to decide a request the supplier rejected")
    @PostMapping("/after-sales/{number}/escalate")
    NewStatus escalate(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        afterSales.escalate(user.id(), number);
        return new NewStatus(AfterSaleStatus.ESCALATED.name());
    }

    @PostMapping("/after-sales/{number}/withdraw")
    NewStatus withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        afterSales.withdraw(user.id(), number);
        return new NewStatus(AfterSaleStatus.WITHDRAWN.name());
    }
}
