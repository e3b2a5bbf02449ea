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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;

@Tag(name = "Supplier fulfilment", description = "Orders to ship (one by one or by CSV) and after-sales requests of the caller's supplier")
@RestController
@RequestMapping("/api/supplier")
class SupplierOrderApi {

    private final Orders orders;
    private final Fulfilment fulfilment;
    private final AfterSales afterSales;
    private final Suppliers suppliers;

    SupplierOrderApi(Orders orders, Fulfilment fulfilment, AfterSales afterSales, Suppliers suppliers) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.afterSales = afterSales;
        this.suppliers = suppliers;
    }

    @GetMapping("/orders")
    List<Orders.Summary> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) OrderStatus status) {
        return orders.ofSupplier(supplier(user), status, 200);
    }

    @GetMapping("/orders/{number}")
    Orders.Detail detail(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        return orders.forSupplier(supplier(user), number);
    }

    record Shipment(@NotBlank(message = "{shipment.carrier.invalid}") String carrier,
                    @NotBlank(message = "{shipment.tracking.invalid}") String trackingNumber) {
    }

    @PostMapping("/orders/{number}/shipment")
    NewStatus ship(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @Valid @RequestBody Shipment shipment) {
        fulfilment.ship(supplier(user), number, shipment.carrier(), shipment.trackingNumber());
        return new NewStatus(OrderStatus.SHIPPED.name());
    }

    @Operation(summary = "Ship many orders from a CSV (order_number,carrier,tracking_number); answers one result per row")
    @PostMapping(value = "/shipments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<Fulfilment.RowResult> shipMany(@AuthenticationPrincipal CurrentUser user, @RequestPart("file") MultipartFile file,
                                        java.util.Locale locale) throws IOException {
        return fulfilment.shipFromCsv(supplier(user), file.getBytes(), locale);
    }

    @GetMapping("/after-sales")
    List<Orders.AfterSaleView> afterSales(@AuthenticationPrincipal CurrentUser user) {
        return orders.afterSalesOfSupplier(supplier(user));
    }

    @Operation(summary = "Approve: refund-only requests are refunded now, returns wait for the goods")
    @PostMapping("/after-sales/{number}/approve")
    AfterSaleOutcome approve(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        afterSales.approve(supplier(user), number);
        return new AfterSaleOutcome("APPROVED");
    }

    @Schema(name = "AfterSaleRejection")
    record Rejection(@NotBlank(message = "{aftersale.reject-reason.required}") String reason) {
    }

    @PostMapping("/after-sales/{number}/reject")
    NewStatus reject(@AuthenticationPrincipal CurrentUser user, @PathVariable String number, @Valid @RequestBody Rejection rejection) {
        afterSales.reject(supplier(user), number, rejection.reason());
        return new NewStatus(AfterSaleStatus.REJECTED.name());
    }

    @Operation(summary = "The returned goods arrived: the refund goes out")
    @PostMapping("/after-sales/{number}/return-received")
    NewStatus returnReceived(@AuthenticationPrincipal CurrentUser user, @PathVariable String number) {
        afterSales.confirmReturn(supplier(user), number);
        return new NewStatus(AfterSaleStatus.REFUNDING.name());
    }

    private SupplierId supplier(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
