package com.kinshop.ordering.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.Checkouts;
import com.kinshop.ordering.OrderPayments;
import com.kinshop.catalog.SkuId;
import com.kinshop.shop.Visitor;
import com.kinshop.payment.Payments;
import com.kinshop.shared.Idempotency;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.CookieValue;
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
    private final OrderPayments payments;

    CheckoutApi(Checkouts checkouts, Idempotency idempotency, OrderPayments payments) {
        this.checkouts = checkouts;
        this.idempotency = idempotency;
        this.payments = payments;
    }

    record CheckoutRequest(@NotNull(message = "{checkout.address.required}") Long addressId) {
    }

    record Placed(String checkoutNumber, Money payable, List<String> orders) {
    }

    @Operation(summary = "Check out the whole cart; requires an Idempotency-Key so a retry never creates a second set of orders")
    @ApiResponse(responseCode = "201", description = "Orders placed", content = @Content(schema = @Schema(implementation = Placed.class)))
    @PostMapping("/api/me/checkouts")
    ResponseEntity<?> checkOut(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CheckoutRequest request,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (key == null) {
            throw com.kinshop.shared.BusinessException.invalid(Idempotency.HEADER, "idempotency.key.required");
        }
        return idempotency.execute("checkout:" + user.id(), key, request, () -> {
            Checkouts.Placed placed = checkouts.checkOut(user.id(), new Addresses.AddressId(request.addressId()));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Placed(placed.checkoutNumber(), placed.payable(), placed.orderNumbers()));
        });
    }

    record BuyNowRequest(@NotNull(message = "{checkout.address.required}") Long addressId, @NotNull(message = "{cart.not-sellable}") Long skuId,
                         @NotNull(message = "{cart.quantity.range}") Integer quantity) {
    }

    @Operation(summary = "Buy one SKU now (立即购买) without touching the cart; the shop of the last share link (cookie ks_ref) is kept for "
            + "attribution; requires an Idempotency-Key like checkout")
    @ApiResponse(responseCode = "201", description = "Order placed", content = @Content(schema = @Schema(implementation = Placed.class)))
    @PostMapping("/api/me/checkouts/buy-now")
    ResponseEntity<?> buyNow(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody BuyNowRequest request,
                             @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String shopCode,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (key == null) {
            throw com.kinshop.shared.BusinessException.invalid(Idempotency.HEADER, "idempotency.key.required");
        }
        return idempotency.execute("buy-now:" + user.id(), key, request, () -> {
            Checkouts.Placed placed = checkouts.buyNow(user.id(), new Addresses.AddressId(request.addressId()), new SkuId(request.skuId()),
                    request.quantity(), shopCode);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Placed(placed.checkoutNumber(), placed.payable(), placed.orderNumbers()));
        });
    }

    record PaymentStarted(String paymentNumber, String payUrl, Money amount) {
    }

    @Operation(summary = "Pay for a checkout (all its orders still awaiting payment); requires an Idempotency-Key; answers where to send the payer")
    @ApiResponse(responseCode = "201", description = "Payment started", content = @Content(schema = @Schema(implementation = PaymentStarted.class)))
    @PostMapping("/api/me/checkouts/{number}/payments")
    ResponseEntity<?> pay(@AuthenticationPrincipal CurrentUser user, @PathVariable String number,
                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (key == null) {
            throw com.kinshop.shared.BusinessException.invalid(Idempotency.HEADER, "idempotency.key.required");
        }
        return idempotency.execute("pay:" + user.id(), key, Map.of("checkout", number), () -> {
            Payments.Started started = payments.pay(user.id(), number);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new PaymentStarted(started.paymentNumber(), started.redirectUrl(), started.amount()));
        });
    }
}
