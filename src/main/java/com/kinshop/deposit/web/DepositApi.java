package com.kinshop.deposit.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.deposit.DepositReturns;
import com.kinshop.deposit.DepositTopUps;
import com.kinshop.deposit.Deposits;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Idempotency;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Tag(name = "Supplier deposits", description = "Supplier deposits (保证金): pay in through the provider, balance and history, return on exit")
@RestController
class DepositApi {

    private final Deposits deposits;
    private final DepositTopUps topUps;
    private final DepositReturns returns;
    private final Suppliers suppliers;
    private final Idempotency idempotency;
    private final MessageSource messages;

    DepositApi(Deposits deposits, DepositTopUps topUps, DepositReturns returns, Suppliers suppliers, Idempotency idempotency, MessageSource messages) {
        this.deposits = deposits;
        this.topUps = topUps;
        this.returns = returns;
        this.suppliers = suppliers;
        this.idempotency = idempotency;
        this.messages = messages;
    }

    @Schema(name = "DepositHistoryEntry")
    record HistoryEntry(String businessKey, @Schema(description = "What happened, in the caller's language") String text,
                        @Schema(description = "Positive: paid in; negative: taken (penalty) or returned") Money amount, Instant at) {
    }

    @Schema(name = "SupplierDeposit")
    record DepositView(Deposits.Standing standing, List<HistoryEntry> history, List<DepositTopUps.TopUp> topUps, DepositReturns.Return exit) {
    }

    @Schema(name = "DepositTopUpRequest")
    record TopUpRequest(@Schema(description = "Amount to pay in, in fen; 1 to 100,000,000", example = "500000") Long amountFen) {
    }

    @Operation(summary = "My supplier's deposit: required, balance, shortfall, history, pay-ins and the return (if it exited)")
    @GetMapping("/api/supplier/deposit")
    DepositView mine(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        return view(supplierOf(user), locale);
    }

    @Operation(summary = "Pay in (缴纳 / 补缴): opens a payment at the provider; open payUrl to pay",
            description = "400 naming amountFen unless 0 < amountFen ≤ 100,000,000 (nothing stored); 409 once the supplier exited. "
                    + "The balance moves when the provider's signed notification arrives. With an Idempotency-Key a retry answers the same payment.")
    @ApiResponse(responseCode = "201", description = "Payment opened", content = @Content(schema = @Schema(implementation = DepositTopUps.Started.class)))
    @PostMapping("/api/supplier/deposit/top-ups")
    ResponseEntity<?> topUp(@AuthenticationPrincipal CurrentUser user, @RequestBody TopUpRequest request,
                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        SupplierId supplier = supplierOf(user);
        return idempotency.execute("deposit-top-up:" + user.id(), key, request,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(topUps.start(supplier, user.id(), request.amountFen())));
    }

    @Operation(summary = "Exit: return my supplier's whole deposit and end its listing (products taken off sale)",
            description = "409 while a complaint against the supplier is open or an order is still in progress, or when it already exited; "
                    + "nothing changes then. The payout through the provider follows at once (retried by a sweep if the provider is away).")
    @ApiResponse(responseCode = "201", description = "Return requested", content = @Content(schema = @Schema(implementation = DepositReturns.Return.class)))
    @PostMapping("/api/supplier/deposit/return")
    ResponseEntity<DepositReturns.Return> exit(@AuthenticationPrincipal CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(returns.request(supplierOf(user), user.id()));
    }

    @Operation(summary = "Operator: every approved supplier's deposit — required, balance, shortfall, exited")
    @GetMapping("/api/admin/deposits")
    List<Deposits.Standing> overview() {
        return deposits.overview();
    }

    @Operation(summary = "Operator: one supplier's deposit with its history")
    @GetMapping("/api/admin/deposits/{supplierId}")
    DepositView ofSupplier(@PathVariable long supplierId, Locale locale) {
        return view(new SupplierId(supplierId), locale);
    }

    @Operation(summary = "Operator: return a supplier's deposit on its exit (same rules as the supplier's own request)")
    @ApiResponse(responseCode = "201", description = "Return requested", content = @Content(schema = @Schema(implementation = DepositReturns.Return.class)))
    @PostMapping("/api/admin/deposits/{supplierId}/return")
    ResponseEntity<DepositReturns.Return> exitBy(@AuthenticationPrincipal CurrentUser user, @PathVariable long supplierId) {
        SupplierId supplier = new SupplierId(supplierId);
        suppliers.get(supplier); // 404 for an unknown supplier
        return ResponseEntity.status(HttpStatus.CREATED).body(returns.request(supplier, user.id()));
    }

    private DepositView view(SupplierId supplier, Locale locale) {
        List<HistoryEntry> history = deposits.history(supplier, 100).stream()
                .map(line -> new HistoryEntry(line.businessKey(), line.text().in(messages, locale), line.amount(), line.at())).toList();
        return new DepositView(deposits.standing(supplier), history, topUps.of(supplier, 20), returns.of(supplier).orElse(null));
    }

    private SupplierId supplierOf(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
