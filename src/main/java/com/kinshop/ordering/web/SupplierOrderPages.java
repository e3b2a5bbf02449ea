package com.kinshop.ordering.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.AfterSaleStatus;
import com.kinshop.ordering.AfterSales;
import com.kinshop.ordering.Fulfilment;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.ordering.Orders;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Supplier console for fulfilment: the orders to ship (one by one or from a CSV) and the after-sales requests to answer.
 * Every action is post-redirect-get; a refusal comes back in the page's language.
 */
@Controller
@RequestMapping("/console/supplier")
class SupplierOrderPages {

    /** Tabs in the order a supplier works them: what to ship first. */
    static final List<OrderStatus> TABS = List.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.RECEIVED, OrderStatus.COMPLETED,
            OrderStatus.REFUNDED, OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCELLED);
    /** Requests waiting for the supplier: answer a new one, or confirm the returned goods. */
    static final Set<AfterSaleStatus> TO_HANDLE = Set.of(AfterSaleStatus.REQUESTED, AfterSaleStatus.RETURN_SHIPPED);
    private static final int LIST_LIMIT = 200;
    private static final String[] CSV_HEADER = {"order_number", "carrier", "tracking_number", "receiver", "phone", "address", "product", "units",
            "refund_requested"};

    private final Orders orders;
    private final Fulfilment fulfilment;
    private final AfterSales afterSales;
    private final Suppliers suppliers;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    SupplierOrderPages(Orders orders, Fulfilment fulfilment, AfterSales afterSales, Suppliers suppliers, JdbcClient jdbc, MessageSource messages,
                       Clock clock) {
        this.messages = messages;
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.afterSales = afterSales;
        this.suppliers = suppliers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who receives an order and where: what a drop-shipping supplier prints on the parcel. */
    record Receiver(String name, String phone, String address) {
    }

    /** One row of a CSV upload's answer, kept in the session between the upload and the page that shows it. */
    record CsvRow(long row, String orderNumber, boolean shipped, String message) implements Serializable {
    }

    @GetMapping("/orders")
    String orders(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) OrderStatus status, Model model) {
        SupplierId supplier = supplier(user);
        OrderStatus tab = status == null ? OrderStatus.PAID : status;
        List<Orders.Summary> list = orders.ofSupplier(supplier, tab, LIST_LIMIT);
        Map<String, Orders.Packing> packing = orders.packing(supplier, list.stream().map(Orders.Summary::number).toList());
        model.addAttribute("tabs", TABS);
        model.addAttribute("status", tab);
        // held orders apart, after the ones that can ship now
        model.addAttribute("orders", list.stream().filter(order -> !order.held()).toList());
        model.addAttribute("heldOrders", list.stream().filter(Orders.Summary::held).toList());
        model.addAttribute("receivers", receivers(supplier, list.stream().map(Orders.Summary::number).toList()));
        model.addAttribute("packing", packing);
        model.addAttribute("toShip", (tab == OrderStatus.PAID ? list : orders.ofSupplier(supplier, OrderStatus.PAID, LIST_LIMIT)).stream()
                .filter(order -> !order.held()).count());
        model.addAttribute("limit", LIST_LIMIT);
        model.addAttribute("maxRows", Fulfilment.MAX_ROWS);
        model.addAttribute("nav", "supplier-orders");
        return "console/supplier/orders";
    }

    @GetMapping("/orders/{number}")
    String order(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, Model model) {
        model.addAttribute("order", orders.forSupplier(supplier(user), number));
        model.addAttribute("nav", "supplier-orders");
        return "console/supplier/order";
    }

    @PostMapping("/orders/{number}/shipment")
    String ship(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String carrier,
                @RequestParam(defaultValue = "") String trackingNumber, @RequestParam(defaultValue = "") String from, RedirectAttributes redirect) {
        String back = from.equals("detail") ? "redirect:/console/supplier/orders/{number}" : "redirect:/console/supplier/orders";
        // a refusal shows at this order's form, with what was typed
        return Flash.outcome(redirect, back, "console.orders.shipped", Map.of("refusedOrder", number, "typedCarrier", carrier, "typedTracking", trackingNumber),
                () -> fulfilment.ship(supplier(user), number, carrier, trackingNumber));
    }

    /** The paid orders waiting for a parcel, as a CSV to fill in (carrier, tracking number) and upload again. */
    @GetMapping("/orders/to-ship.csv")
    ResponseEntity<byte[]> toShip(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        SupplierId supplier = supplier(user);
        List<Orders.Summary> listed = orders.ofSupplier(supplier, OrderStatus.PAID, Fulfilment.MAX_ROWS);
        List<String> numbers = listed.stream().map(Orders.Summary::number).toList();
        Map<String, Receiver> receivers = receivers(supplier, numbers);
        Map<String, Orders.Packing> packing = orders.packing(supplier, numbers);
        // a held order cannot ship: a warehouse must not pack it from this file
        List<Orders.Summary> paid = listed.stream().filter(order -> !order.held()).toList();
        String refundRequested = messages.getMessage("console.orders.refund-requested", null, locale);
        StringWriter text = new StringWriter().append('\uFEFF'); // lets spreadsheet programs see UTF-8
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            csv.printRecord((Object[]) CSV_HEADER);
            for (Orders.Summary order : paid) {
                Receiver receiver = receivers.getOrDefault(order.number(), new Receiver("", "", ""));
                Orders.Packing parcel = packing.get(order.number());
                // every line with its spec: a warehouse packs from this file, and one product name hid the rest
                csv.printRecord(order.number(), "", "", cell(receiver.name()), cell(receiver.phone()), cell(receiver.address()),
                        cell(String.join("; ", parcel.lines())), order.units(), parcel.refundRequested() ? refundRequested : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("to-ship-" + LocalDate.now(clock) + ".csv").build().toString())
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/orders/shipments")
    String shipFromCsv(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
                       RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/supplier/orders", null, () -> {
            if (file == null || file.isEmpty()) {
                throw BusinessException.invalid("file", "shipment.csv.empty");
            }
            List<Fulfilment.RowResult> results;
            try {
                results = fulfilment.shipFromCsv(supplier(user), file.getBytes(), locale);
            } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException unreadable) {
                throw BusinessException.invalid("file", "console.orders.csv.unreadable");
            }
            ArrayList<CsvRow> rows = new ArrayList<>();
            results.forEach(r -> rows.add(new CsvRow(r.row(), r.orderNumber(), r.shipped(), r.message())));
            redirect.addFlashAttribute("csvRows", rows);
            redirect.addFlashAttribute("csvShipped", rows.stream().filter(CsvRow::shipped).count());
            redirect.addFlashAttribute("csvFailed", rows.stream().filter(row -> !row.shipped()).count());
        });
    }

    @GetMapping("/after-sales")
    String afterSales(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "todo") String show, Model model) {
        List<Orders.AfterSaleView> all = orders.afterSalesOfSupplier(supplier(user));
        List<Orders.AfterSaleView> toHandle = all.stream().filter(request -> TO_HANDLE.contains(request.status())).toList();
        boolean everything = show.equals("all");
        model.addAttribute("show", everything ? "all" : "todo");
        model.addAttribute("requests", everything ? all : toHandle);
        model.addAttribute("toHandle", toHandle.size());
        model.addAttribute("nav", "supplier-aftersales");
        return "console/supplier/after-sales";
    }

    @PostMapping("/after-sales/{number}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, RedirectAttributes redirect) {
        return afterSaleAction(redirect, "console.aftersales.approved", () -> afterSales.approve(supplier(user), number));
    }

    @PostMapping("/after-sales/{number}/reject")
    String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        return afterSaleAction(redirect, "console.aftersales.rejected", () -> afterSales.reject(supplier(user), number, reason));
    }

    @PostMapping("/after-sales/{number}/return-received")
    String returnReceived(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, RedirectAttributes redirect) {
        return afterSaleAction(redirect, "console.aftersales.refund-sent", () -> afterSales.confirmReturn(supplier(user), number));
    }

    private static String afterSaleAction(RedirectAttributes redirect, String notice, Flash.Action action) {
        return Flash.outcome(redirect, "redirect:/console/supplier/after-sales", notice, action);
    }

    /** Text a buyer or supplier typed, made inert for spreadsheet programs (no formula starts with a quote). */
    static String cell(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Receivers of the listed orders in one query (the order summaries do not carry them). */
    private Map<String, Receiver> receivers(SupplierId supplier, List<String> numbers) {
        Map<String, Receiver> receivers = new HashMap<>();
        if (numbers.isEmpty()) {
            return receivers;
        }
        jdbc.sql("select number, receiver, phone, address from orders where supplier_id = :supplier and number in (:numbers)")
                .param("supplier", supplier.value()).param("numbers", numbers)
                .query(rs -> {
                    receivers.put(rs.getString(1), new Receiver(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return receivers;
    }

    private SupplierId supplier(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
