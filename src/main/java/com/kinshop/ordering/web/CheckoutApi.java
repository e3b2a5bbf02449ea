package com.kinshop.ordering.web;

import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.Cart;
import com.kinshop.ordering.CheckoutOffers;
import com.kinshop.ordering.CheckoutParticipant;
import com.kinshop.ordering.CheckoutPricing;
import com.kinshop.ordering.Checkouts;
import com.kinshop.ordering.OrderPayments;
import com.kinshop.catalog.SkuId;
import com.kinshop.shop.Visitor;
import com.kinshop.payment.Payments;
import com.kinshop.shared.Idempotency;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
    private final Cart cart;

    CheckoutApi(Checkouts checkouts, Idempotency idempotency, OrderPayments payments, Cart cart) {
        this.cart = cart;
        this.checkouts = checkouts;
        this.idempotency = idempotency;
        this.payments = payments;
    }

    record CheckoutRequest(@NotNull(message = "{checkout.address.required}") Long addressId,
                           @Schema(description = "Coupons to use (ids from /api/me/coupons); absent: the best valid combination is picked; empty: none")
                           List<Long> couponIds) {
    }

    record Placed(String checkoutNumber, Money payable, List<String> orders) {
    }

    @Operation(summary = "Check out the whole cart; requires an Idempotency-Key so a retry never creates a second set of orders")
    @ApiResponse(responseCode = "201", description = "Orders placed", content = @Content(schema = @Schema(implementation = Placed.class)))
    @PostMapping("/api/me/checkouts")
    ResponseEntity<?> checkOut(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CheckoutRequest request,
                               @Parameter(required = true) @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (key == null) {
            throw com.kinshop.shared.BusinessException.invalid(Idempotency.HEADER, "idempotency.key.required");
        }
        return idempotency.execute("checkout:" + user.id(), key, request, () -> {
            Checkouts.Placed placed = checkouts.checkOut(user.id(), new Addresses.AddressId(request.addressId()),
                    CheckoutParticipant.Selection.of(request.couponIds()));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Placed(placed.checkoutNumber(), placed.payable(), placed.orderNumbers()));
        });
    }

    record BuyNowRequest(@NotNull(message = "{checkout.address.required}") Long addressId, @NotNull(message = "{cart.not-sellable}") Long skuId,
                         @NotNull(message = "{cart.quantity.range}") Integer quantity,
                         @Schema(description = "Coupons to use; absent: the best valid combination is picked; empty: none") List<Long> couponIds) {
    }

    @Operation(summary = "Buy one SKU now (立即购买) without touching the cart; the shop of the last share link (cookie ks_ref) is kept for "
            + "attribution; requires an Idempotency-Key like checkout")
    @ApiResponse(responseCode = "201", description = "Order placed", content = @Content(schema = @Schema(implementation = Placed.class)))
    @PostMapping("/api/me/checkouts/buy-now")
    ResponseEntity<?> buyNow(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody BuyNowRequest request,
                             @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String shopCode,
                             @Parameter(required = true) @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (key == null) {
            throw com.kinshop.shared.BusinessException.invalid(Idempotency.HEADER, "idempotency.key.required");
        }
        return idempotency.execute("buy-now:" + user.id(), key, request, () -> {
            Checkouts.Placed placed = checkouts.buyNow(user.id(), new Addresses.AddressId(request.addressId()), new SkuId(request.skuId()),
                    request.quantity(), shopCode, CheckoutParticipant.Selection.of(request.couponIds()));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Placed(placed.checkoutNumber(), placed.payable(), placed.orderNumbers()));
        });
    }

    record PreviewRequest(@Schema(description = "One SKU bought now; absent: the whole cart") Long skuId,
                          @Schema(description = "Units of skuId (default 1)") Integer quantity,
                          @Schema(description = "Coupons to use; absent: the best valid combination is picked; empty: none") List<Long> couponIds) {
    }

    @Schema(name = "CheckoutDiscount", description = "A discount applied to one supplier order; funder PLATFORM or SUPPLIER")
    record PreviewDiscount(String ref, String label, String funder, Money amount) {
    }

    @Schema(name = "CheckoutPreviewOrder")
    record PreviewOrder(long supplierId, String supplierName, Money goods, Money discount, Money shipping, Money total, List<PreviewDiscount> discounts) {
    }

    @Schema(name = "CheckoutCouponOption", description = "A coupon the buyer holds: the saving it brings here, or why it cannot be used")
    record PreviewOption(long couponId, String title, Long supplierId, Money saving, boolean usable, String unusableReason, boolean chosen) {
    }

    @Schema(name = "CheckoutPreview")
    record Preview(Money goods, Money discount, Money shipping, Money payable, List<PreviewOrder> orders, List<PreviewOption> options) {
    }

    @Operation(summary = "Price a checkout before placing it: the cart (or one SKU), with the coupons chosen or, when couponIds is absent, "
            + "the best valid combination; lists every coupon the buyer holds with its saving here or why it cannot be used. Changes nothing.")
    @ApiResponse(responseCode = "200", description = "The priced checkout", content = @Content(schema = @Schema(implementation = Preview.class)))
    @PostMapping("/api/me/checkouts/preview")
    Preview preview(@AuthenticationPrincipal CurrentUser user, @RequestBody PreviewRequest request,
                    @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String shopCode) {
        Cart.View view = request.skuId() == null ? cart.view(user.id())
                : cart.buyNow(new SkuId(request.skuId()), request.quantity() == null ? 1 : request.quantity(), shopCode);
        if (view.items().isEmpty()) {
            throw com.kinshop.shared.BusinessException.invalid(null, "checkout.cart-empty");
        }
        CheckoutOffers.Preview preview = checkouts.preview(user.id(), view, CheckoutParticipant.Selection.of(request.couponIds()));
        CheckoutPricing.Quote quote = preview.quote();
        return new Preview(quote.goods(), quote.discount(), quote.shipping(), quote.payable(), quote.orders().stream()
                .map(order -> new PreviewOrder(order.supplier().value(), view.items().stream()
                        .filter(item -> item.facts().supplier().equals(order.supplier())).findFirst().map(item -> item.facts().supplierName()).orElse(""),
                        order.goods(), order.discount(), order.shipping(), order.total(), preview.appliedTo(order.supplier()).stream()
                        .map(applied -> new PreviewDiscount(applied.ref(), applied.label(), applied.discount().funder().name(), applied.discount().amount()))
                        .toList()))
                .toList(), preview.options().stream()
                .map(option -> new PreviewOption(option.couponId(), option.title(), option.supplier() == null ? null : option.supplier().value(),
                        option.saving(), option.usable(), option.unusableReason(), option.chosen()))
                .toList());
    }

    record PaymentStarted(String paymentNumber, String payUrl, Money amount) {
    }

    @Operation(summary = "Pay for a checkout (all its orders still awaiting payment); requires an Idempotency-Key; answers where to send the payer")
    @ApiResponse(responseCode = "201", description = "Payment started", content = @Content(schema = @Schema(implementation = PaymentStarted.class)))
    @PostMapping("/api/me/checkouts/{number}/payments")
    ResponseEntity<?> pay(@AuthenticationPrincipal CurrentUser user, @PathVariable String number,
                          @Parameter(required = true) @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
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
