package com.kinshop.ordering.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.Checkouts;
import com.kinshop.shared.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@Tag(name = "Checkout", description = "Cart to orders awaiting payment (one per supplier); payment follows")
@RestController
class CheckoutApi {

    private final Checkouts checkouts;
    private final Idempotency idempotency;

    CheckoutApi(Checkouts checkouts, Idempotency idempotency) {
        this.checkouts = checkouts;
        this.idempotency = idempotency;
    }

    record CheckoutRequest(@NotNull(message = "{checkout.address.required}") Long addressId) {
    }

    record Placed(String checkoutNumber, String payable, List<String> orders) {
    }

    @Operation(summary = "Check out the whole cart; requires an Idempotency-Key so a retry never creates a second set of orders")
    @PostMapping("/api/me/checkouts")
    ResponseEntity<?> checkOut(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CheckoutRequest request,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (key == null) {
            throw com.kinshop.shared.BusinessException.invalid(Idempotency.HEADER, "idempotency.key.required");
        }
        return idempotency.execute("checkout:" + user.id(), key, request, () -> {
            Checkouts.Placed placed = checkouts.checkOut(user.id(), new Addresses.AddressId(request.addressId()));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Placed(placed.checkoutNumber(), placed.payable().toPlainString(), placed.orderNumbers()));
        });
    }

    @GetMapping("/api/me/orders")
    List<Checkouts.OrderSummary> orders(@AuthenticationPrincipal CurrentUser user) {
        return checkouts.ordersOf(user.id());
    }

    @Operation(summary = "Cancel an order that is not paid yet; its units go back to stock")
    @PostMapping("/api/me/orders/{number}/cancel")
    Map<String, String> cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        checkouts.cancel(user.id(), number);
        return Map.of("status", "CANCELLED");
    }
}
