package com.kinshop.ordering.web;

import com.kinshop.catalog.Catalog;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.AfterSaleKind;
import com.kinshop.ordering.AfterSaleStatus;
import com.kinshop.ordering.AfterSales;
import com.kinshop.ordering.OrderLifecycle;
import com.kinshop.ordering.OrderPayments;
import com.kinshop.ordering.OrderProperties;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.ordering.Orders;
import com.kinshop.shared.DisplayTimes;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import com.kinshop.shared.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** 我的订单: the list by status, one order's detail with its timeline, and what the buyer can do with it. */
@Controller
class OrderPages {

    /** The tabs of the list (售后 is its own page, {@link AfterSalePages}). */
    static final Map<String, Set<OrderStatus>> TABS = Map.of(
            "unpaid", EnumSet.of(OrderStatus.AWAITING_PAYMENT),
            "unshipped", EnumSet.of(OrderStatus.PAID),
            "shipped", EnumSet.of(OrderStatus.SHIPPED),
            "done", EnumSet.of(OrderStatus.RECEIVED, OrderStatus.COMPLETED));
    static final List<String> TAB_ORDER = List.of("all", "unpaid", "unshipped", "shipped", "done");
    private static final Set<OrderStatus> AFTER_SALE_OPEN = EnumSet.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.RECEIVED);
    private static final Set<OrderStatus> RETURNABLE = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.RECEIVED);
    private static final int LIST_LIMIT = 100;

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final OrderPayments payments;
    private final AfterSales afterSales;
    private final CashierRedirect cashier;
    private final OrderProperties properties;
    private final Clock clock;
    private final DisplayTimes times;
    private final Catalog catalog;

    OrderPages(Orders orders, OrderLifecycle lifecycle, OrderPayments payments, AfterSales afterSales, CashierRedirect cashier,
               OrderProperties properties, Clock clock, DisplayTimes times, Catalog catalog) {
        this.times = times;
        this.catalog = catalog;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.afterSales = afterSales;
        this.cashier = cashier;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/me/orders")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "all") String tab, Model model) {
        String current = TABS.containsKey(tab) ? tab : "all";
        List<Orders.Summary> found = current.equals("all") ? orders.ofBuyer(user.id(), null, LIST_LIMIT)
                : TABS.get(current).stream().flatMap(status -> orders.ofBuyer(user.id(), status, LIST_LIMIT).stream())
                .sorted(Comparator.comparing(Orders.Summary::createdAt).reversed()).limit(LIST_LIMIT).toList();
        model.addAttribute("tab", "me");
        model.addAttribute("tabs", TAB_ORDER);
        model.addAttribute("currentTab", current);
        model.addAttribute("orders", found);
        model.addAttribute("images", catalog.firstImages(found.stream().map(Orders.Summary::firstProductId).distinct().toList()));
        return "ordering/orders";
    }

    @GetMapping("/me/orders/{number}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, Model model) {
        Orders.Detail order = orders.forBuyer(user.id(), number);
        model.addAttribute("tab", "me");
        model.addAttribute("order", order);
        model.addAttribute("images", catalog.firstImages(order.lines().stream().map(Orders.Line::productId).distinct().toList()));
        model.addAttribute("timeline", timeline(order));
        model.addAttribute("afterSaleLines", afterSaleLines(order));
        Instant afterSaleUntil = order.receivedAt() == null ? null : order.receivedAt().plus(properties.afterSalesWindow());
        model.addAttribute("afterSaleUntil", afterSaleUntil != null && afterSaleUntil.isAfter(clock.instant()) ? afterSaleUntil : null);
        model.addAttribute("payTogether", order.payable()
                ? orders.ofCheckout(user.id(), order.summary().checkoutNumber()).stream().filter(o -> o.status() == OrderStatus.AWAITING_PAYMENT).count()
                : 0);
        return "ordering/order";
    }

    /** 去支付: pays the order's checkout (with any other unpaid order placed together with it). */
    @PostMapping("/me/orders/{number}/pay")
    String pay(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, RedirectAttributes redirect) {
        return cashier.to(user, payments.checkoutOf(user.id(), number), redirect);
    }

    @PostMapping("/me/orders/{number}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/me/orders/" + number, "order.page.cancelled", () -> lifecycle.cancelByBuyer(user.id(), number));
    }

    @PostMapping("/me/orders/{number}/receipt")
    String confirmReceipt(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/me/orders/" + number, "order.page.received", () -> lifecycle.confirmReceipt(user.id(), number));
    }

    record AfterSaleForm(@NotNull(message = "{aftersale.kind.required}") AfterSaleKind kind,
                         @NotNull(message = "{aftersale.quantity.required}") @Min(value = 1, message = "{aftersale.quantity.min}")
                         @Max(value = 999, message = "{aftersale.quantity.min}") Integer quantity,
                         @NotBlank(message = "{aftersale.reason.required}") @Size(max = 200, message = "{aftersale.reason.required}") String reason) {
    }

    @GetMapping("/me/orders/{number}/after-sale")
    String afterSaleForm(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @RequestParam long line, Model model) {
        Orders.Detail order = orders.forBuyer(user.id(), number);
        Orders.Line chosen = line(order, line);
        model.addAttribute("afterSaleForm", new AfterSaleForm(AfterSaleKind.REFUND_ONLY, chosen.refundable(), ""));
        return afterSalePage(order, chosen, model);
    }

    @PostMapping("/me/orders/{number}/after-sale")
    String requestAfterSale(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @RequestParam long line,
                            @Valid @ModelAttribute("afterSaleForm") AfterSaleForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                afterSales.request(user.id(), number, new AfterSales.Request(line, form.kind(), form.quantity(), form.reason()));
                redirect.addFlashAttribute("notice", "order.page.after-sale-requested");
                return "redirect:/me/after-sales";
            } catch (BusinessException e) {
                FormErrors.reject(errors, e);
            }
        }
        Orders.Detail order = orders.forBuyer(user.id(), number);
        return afterSalePage(order, line(order, line), model);
    }

    private String afterSalePage(Orders.Detail order, Orders.Line line, Model model) {
        model.addAttribute("tab", "me");
        model.addAttribute("order", order);
        model.addAttribute("line", line);
        model.addAttribute("kinds", RETURNABLE.contains(order.summary().status()) ? List.of(AfterSaleKind.values()) : List.of(AfterSaleKind.REFUND_ONLY));
        return "ordering/after-sale-form";
    }

    private static Orders.Line line(Orders.Detail order, long lineId) {
        return order.lines().stream().filter(l -> l.id() == lineId).findFirst()
                .orElseThrow(() -> BusinessException.notFound("aftersale.line.not-found"));
    }

    /** The lines the buyer may ask after-sales for now: units left, nothing open on the line, inside the window. */
    private Set<Long> afterSaleLines(Orders.Detail order) {
        boolean windowOpen = order.receivedAt() == null || order.receivedAt().plus(properties.afterSalesWindow()).isAfter(clock.instant());
        if (!AFTER_SALE_OPEN.contains(order.summary().status()) || !windowOpen) {
            return Set.of();
        }
        Set<Long> open = new HashSet<>();
        order.afterSales().stream().filter(a -> a.status().isOpen()).forEach(a -> open.add(a.lineId()));
        Set<Long> lines = new HashSet<>();
        order.lines().stream().filter(l -> l.refundable() > 0 && !open.contains(l.id())).forEach(l -> lines.add(l.id()));
        return lines;
    }

    /** One step of the status timeline: what happened (message key), when, and a detail line (key + arguments) or none. */
    record Step(String label, Instant at, boolean done, String note, List<Object> noteArgs) {

        public Object[] args() {
            return noteArgs.toArray();
        }
    }

    List<Step> timeline(Orders.Detail order) {
        Orders.Summary summary = order.summary();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("order.step.placed", summary.createdAt(), true, null, List.of()));
        if (summary.status() == OrderStatus.CANCELLED) {
            steps.add(new Step("order.step.cancelled", order.cancelledAt(), true,
                    order.cancelReason() == null ? null : "order.cancel-reason." + order.cancelReason(), List.of()));
            return steps;
        }
        boolean refunded = summary.status() == OrderStatus.REFUNDED;
        steps.add(order.paidAt() != null ? new Step("order.step.paid", order.paidAt(), true, null, List.of())
                : new Step("order.step.paid", null, false, "order.step.pay-before", List.of(deadline(summary))));
        if (order.shippedAt() != null || !refunded) {
            steps.add(new Step("order.step.shipped", order.shippedAt(), order.shippedAt() != null,
                    order.carrier() == null ? null : "order.step.tracking", Stream.of(order.carrier(), order.trackingNumber()).map(Object.class::cast).toList()));
        }
        if (order.receivedAt() != null || !refunded) {
            steps.add(new Step("order.step.received", order.receivedAt(), order.receivedAt() != null, null, List.of()));
        }
        if (refunded) {
            steps.add(new Step("order.step.refunded", lastRefund(order), true, "order.step.refunded-amount", List.of(summary.refunded().toPlainString())));
        } else {
            steps.add(new Step("order.step.completed", order.completedAt(), order.completedAt() != null, null, List.of()));
        }
        return steps;
    }

    private String deadline(Orders.Summary summary) {
        return times.minutes(summary.payDeadline());
    }

    private static Instant lastRefund(Orders.Detail order) {
        return order.afterSales().stream().filter(a -> a.status() == AfterSaleStatus.REFUNDED
                || a.status() == AfterSaleStatus.REFUNDING).map(Orders.AfterSaleView::updatedAt)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
