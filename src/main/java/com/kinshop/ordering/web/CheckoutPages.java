package com.kinshop.ordering.web;

import com.kinshop.catalog.SkuId;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shop.Visitor;
import org.springframework.web.bind.annotation.CookieValue;
import com.kinshop.ordering.AddressForm;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.Addresses.AddressId;
import com.kinshop.ordering.Cart;
import com.kinshop.ordering.CheckoutOffers;
import com.kinshop.ordering.CheckoutParticipant;
import com.kinshop.ordering.Checkouts;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.ordering.Orders;
import com.kinshop.payment.PaymentStatus;
import com.kinshop.payment.Payments;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.FormErrors;
import com.kinshop.shared.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * 结算: the cart as one order per supplier, an address, 提交订单 — then straight to the cashier. And the page the cashier
 * sends the buyer back to ({@code /me/pay/{checkout}}), which waits for the payment notification.
 */
@Controller
class CheckoutPages {

    /** How often the result page asks again, and how many times before it offers to pay again (about 30 s). */
    static final int POLL_SECONDS = 2;
    static final int POLLS = 15;

    private final Cart cart;
    private final Addresses addresses;
    private final Checkouts checkouts;
    private final CashierRedirect cashier;
    private final Orders orders;
    private final Payments payments;
    private final RequestCache requestCache;

    CheckoutPages(Cart cart, Addresses addresses, Checkouts checkouts, CashierRedirect cashier, Orders orders, Payments payments,
                  RequestCache requestCache) {
        this.cart = cart;
        this.addresses = addresses;
        this.checkouts = checkouts;
        this.cashier = cashier;
        this.orders = orders;
        this.payments = payments;
        this.requestCache = requestCache;
    }

    /** 立即购买 on the product page: the checkout page for that one SKU (a GET, so signing in first comes back to it). */
    @PostMapping("/checkout/buy-now")
    String buyNow(@RequestParam(required = false) Long skuId, @RequestParam(defaultValue = "1") int quantity) {
        return skuId == null ? "redirect:/cart" : "redirect:/checkout?sku=" + skuId + "&quantity=" + quantity;
    }

    /** The cart's checkout, or with {@code sku} one SKU bought now (the cart untouched). */
    @GetMapping("/checkout")
    String checkout(@AuthenticationPrincipal CurrentUser user, @ModelAttribute BuyNow buyNow, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        if (user == null) {
            return signInFirst(request, response);
        }
        model.addAttribute("addressForm", new AddressForm("", "", "", ""));
        return page(user, null, buyNow, model);
    }

    /**
     * A buy-now line and the coupon choice carried through the checkout page's forms; {@code sku} null means the cart;
     * {@code couponsChosen} false lets the server pick the best coupons, true means exactly {@code coupon} (maybe none).
     */
    public record BuyNow(Long sku, Integer quantity, String shopCode, List<Long> coupon, boolean couponsChosen) {

        CheckoutParticipant.Selection selection() {
            return couponsChosen ? CheckoutParticipant.Selection.of(coupon == null ? List.of() : coupon) : CheckoutParticipant.Selection.AUTOMATIC;
        }


        public boolean fromCart() {
            return sku == null;
        }

        public int units() {
            return quantity == null ? 1 : quantity;
        }

        String query() {
            return fromCart() ? "" : "?sku=" + sku + "&quantity=" + units();
        }

        /** This checkout's own address, to come back to after managing addresses. */
        public String page() {
            return "/checkout" + query();
        }
    }

    @ModelAttribute
    BuyNow buyNow(@RequestParam(required = false) Long sku, @RequestParam(required = false) Integer quantity,
                  @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String shopCode,
                  @RequestParam(required = false) List<Long> coupon, @RequestParam(defaultValue = "false") boolean couponsChosen) {
        return new BuyNow(sku, quantity, shopCode, coupon, couponsChosen);
    }

    @PostMapping("/checkout")
    String place(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long addressId, @ModelAttribute BuyNow buyNow,
                 HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (user == null) {
            return signInFirst(request, response);
        }
        model.addAttribute("addressForm", new AddressForm("", "", "", ""));
        if (addressId == null) {
            model.addAttribute("error", "checkout.address.required");
            return page(user, null, buyNow, model);
        }
        Checkouts.Placed placed;
        try {
            placed = buyNow.fromCart() ? checkouts.checkOut(user.id(), new AddressId(addressId), buyNow.selection())
                    : checkouts.buyNow(user.id(), new AddressId(addressId), new SkuId(buyNow.sku()), buyNow.units(), buyNow.shopCode(),
                    buyNow.selection());
        } catch (BusinessException e) {
            if ("checkout.cart-empty".equals(e.messageKey())) {
                // a second press of 提交订单 (or another tab) finds the cart already turned into orders
                redirect.addFlashAttribute("notice", "checkout.already-placed");
                return "redirect:/me/orders?tab=unpaid";
            }
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            return page(user, addressId, buyNow, model);
        }
        return cashier.to(user, placed.checkoutNumber(), redirect);
    }

    /** The first address, typed on the checkout page itself (an empty address book should not send the buyer away). */
    @PostMapping("/checkout/address")
    String addAddress(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("addressForm") AddressForm form, BindingResult errors,
                      @ModelAttribute BuyNow buyNow, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (user == null) {
            return signInFirst(request, response);
        }
        if (!errors.hasErrors()) {
            try {
                addresses.add(user.id(), form);
                return "redirect:/checkout" + buyNow.query();
            } catch (BusinessException e) {
                FormErrors.reject(errors, e);
            }
        }
        return page(user, null, buyNow, model);
    }

    /** Where the cashier sends the buyer back: the checkout's orders, waiting for the payment to be confirmed. */
    @GetMapping("/me/pay/{checkout}")
    String result(@AuthenticationPrincipal CurrentUser user, @PathVariable String checkout, Model model) {
        result(user, checkout, 0, model);
        return "ordering/pay-result";
    }

    /** htmx: the result section again, every {@value POLL_SECONDS} s while the payment is not confirmed. */
    @GetMapping("/me/pay/{checkout}/status")
    String status(@AuthenticationPrincipal CurrentUser user, @PathVariable String checkout, @RequestParam(defaultValue = "0") int poll, Model model) {
        result(user, checkout, Math.max(0, Math.min(poll, POLLS)), model);
        return "ordering/pay-result :: result";
    }

    /** 去支付 again (the cashier hands back the open payment, or opens a new one for what is still unpaid). */
    @PostMapping("/me/pay/{checkout}")
    String payAgain(@AuthenticationPrincipal CurrentUser user, @PathVariable String checkout, RedirectAttributes redirect) {
        return cashier.to(user, checkout, redirect);
    }

    /** DUE: nothing paid and no payment started yet (a group seat, a bargain or a flash claim links here to pay). */
    enum PayState { PAID, WAITING, DUE, FAILED, UNPAID, CANCELLED }

    private void result(CurrentUser user, String checkout, int poll, Model model) {
        List<Orders.Summary> placed = orders.ofCheckout(user.id(), checkout);
        if (placed.isEmpty()) {
            throw BusinessException.notFound("order.not-found");
        }
        boolean awaiting = placed.stream().anyMatch(order -> order.status() == OrderStatus.AWAITING_PAYMENT);
        boolean allCancelled = placed.stream().allMatch(order -> order.status() == OrderStatus.CANCELLED);
        PayState state;
        if (allCancelled) {
            state = PayState.CANCELLED;
        } else if (!awaiting) {
            state = PayState.PAID;
        } else {
            List<Payments.PaymentView> attempts = payments.paymentsOf(checkout);
            PaymentStatus last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).status();
            state = last == null ? PayState.DUE : last == PaymentStatus.FAILED ? PayState.FAILED
                    : last == PaymentStatus.CREATED && poll < POLLS ? PayState.WAITING : PayState.UNPAID;
        }
        model.addAttribute("tab", "me");
        model.addAttribute("checkout", checkout);
        model.addAttribute("orders", placed);
        model.addAttribute("state", state.name());
        model.addAttribute("nextPoll", poll + 1);
        model.addAttribute("pollSeconds", POLL_SECONDS);
        model.addAttribute("paid", placed.stream().filter(order -> order.status() != OrderStatus.CANCELLED && order.status() != OrderStatus.AWAITING_PAYMENT)
                .map(Orders.Summary::total).reduce(Money.ZERO, Money::plus));
        model.addAttribute("payable", placed.stream().filter(order -> order.status() == OrderStatus.AWAITING_PAYMENT)
                .map(Orders.Summary::total).reduce(Money.ZERO, Money::plus));
        model.addAttribute("payBy", placed.stream().filter(order -> order.status() == OrderStatus.AWAITING_PAYMENT)
                .map(Orders.Summary::payDeadline).filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElse(null));
    }

    private String page(CurrentUser user, Long chosen, BuyNow buyNow, Model model) {
        Cart.View view;
        try {
            view = buyNow.fromCart() ? cart.view(user.id()) : cart.buyNow(new SkuId(buyNow.sku()), buyNow.units(), buyNow.shopCode());
        } catch (BusinessException notSellable) {
            return "redirect:/cart";
        }
        if (view.items().isEmpty()) {
            return "redirect:/cart";
        }
        // the page shows what checkout will charge: the same preview, with the coupons the buyer chose or the best ones
        CheckoutOffers.Preview preview = checkouts.preview(user.id(), view, buyNow.selection());
        view = new Cart.View(preview.quote(), view.items(), view.unavailable(), view.shippingRules());
        model.addAttribute("preview", preview);
        List<Addresses.Address> book = addresses.of(user.id());
        Long selected = chosen != null && book.stream().anyMatch(a -> a.id().value() == chosen) ? chosen
                : book.isEmpty() ? null : book.get(0).id().value();
        model.addAttribute("tab", "cart");
        model.addAttribute("cart", view);
        model.addAttribute("addresses", book);
        model.addAttribute("selectedAddress", selected);
        return "ordering/checkout";
    }

    /** /checkout is open to anyone (like /cart); signing in comes back here. */
    private String signInFirst(HttpServletRequest request, HttpServletResponse response) {
        if ("GET".equals(request.getMethod())) {
            requestCache.saveRequest(request, response);
        }
        return "redirect:/login";
    }
}
