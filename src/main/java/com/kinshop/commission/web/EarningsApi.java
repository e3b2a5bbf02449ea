package com.kinshop.commission.web;

import com.kinshop.commission.Earnings;
import com.kinshop.commission.Withdrawals;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Idempotency;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.util.Map;

@Tag(name = "Earnings", description = "The member centre (我的收益 / 我的团队), withdrawals, and the operator's withdrawal queue")
@RestController
class EarningsApi {

    private final Earnings earnings;
    private final Withdrawals withdrawals;
    private final Idempotency idempotency;
    private final MessageSource messages;

    EarningsApi(Earnings earnings, Withdrawals withdrawals, Idempotency idempotency, MessageSource messages) {
        this.messages = messages;
        this.earnings = earnings;
        this.withdrawals = withdrawals;
        this.idempotency = idempotency;
    }

    record Centre(Earnings.Summary summary, Earnings.Journey journey, List<Earnings.Day> byDay, List<Earnings.Entry> entries) {
    }

    @GetMapping("/api/me/earnings")
    Centre centre(@AuthenticationPrincipal CurrentUser user) {
        return new Centre(earnings.summary(user.id()), earnings.journey(user.id()), earnings.byDay(user.id(), 30), earnings.entries(user.id(), 100));
    }

    /** One journal's change to the member's commission balances; {@code description} in the caller's language, {@code kind} for programs. */
    record HistoryLine(long journal, String kind, String description,
                       @Schema(description = "Change to 预估收益 (estimated): positive is more for the member") Money estimatedChange,
                       @Schema(description = "Change to 可提现 (available): positive is more for the member; a settlement moves estimated → available in one line")
                       Money availableChange,
                       Instant postedAt) {
    }

    @Operation(summary = "收支明细: every change to the member's estimated and available commission, newest first (200), with the reason of each in the caller's language")
    @GetMapping("/api/me/earnings/history")
    List<HistoryLine> history(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        return earnings.history(user.id(), 200).stream().map(row -> new HistoryLine(row.journal(), row.text().kind(),
                row.text().in(messages, locale), row.estimatedChange(), row.availableChange(), row.at())).toList();
    }

    @GetMapping("/api/me/team")
    List<Earnings.TeamMember> team(@AuthenticationPrincipal CurrentUser user) {
        return earnings.team(user.id(), 500);
    }

    record WithdrawalRequest(@NotNull(message = "{withdrawal.amount.required}") @Min(value = 1, message = "{withdrawal.amount.required}")
                             @Max(value = 100_000_000L, message = "{withdrawal.amount.max}") Long amountFen) {
    }

    @Operation(summary = "Withdraw available commission; requires an Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "Requested", content = @Content(schema = @Schema(implementation = Withdrawals.View.class)))
    @PostMapping("/api/me/withdrawals")
    ResponseEntity<?> withdraw(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody WithdrawalRequest request,
                               @Parameter(required = true) @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (key == null) {
            throw BusinessException.invalid(Idempotency.HEADER, "idempotency.key.required");
        }
        return idempotency.execute("withdraw:" + user.id(), key, request,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(requestWithdrawal(user, request)));
    }

    private Withdrawals.View requestWithdrawal(CurrentUser user, WithdrawalRequest request) {
        try {
            return withdrawals.request(user.id(), Money.fen(request.amountFen()));
        } catch (BusinessException e) {
            throw e.namedAs(Map.of("amount", "amountFen"));
        }
    }

    @GetMapping("/api/me/withdrawals")
    List<Withdrawals.View> myWithdrawals(@AuthenticationPrincipal CurrentUser user) {
        return withdrawals.of(user.id(), 100);
    }

    @GetMapping("/api/admin/withdrawals")
    List<Withdrawals.View> queue() {
        return withdrawals.pending(200);
    }

    @Schema(description = "A withdrawal's status after the operator's decision")
    record WithdrawalDecided(@Schema(description = "APPROVED or REJECTED") String status) {
    }

    @PostMapping("/api/admin/withdrawals/{number}/approve")
    WithdrawalDecided approve(@AuthenticationPrincipal CurrentUser operator, @PathVariable String number) {
        withdrawals.approve(operator.id(), number);
        return new WithdrawalDecided("APPROVED");
    }

    @Schema(name = "WithdrawalRejection")
    record Rejection(@NotBlank(message = "{withdrawal.reject-reason}") String reason) {
    }

    @PostMapping("/api/admin/withdrawals/{number}/reject")
    WithdrawalDecided reject(@AuthenticationPrincipal CurrentUser operator, @PathVariable String number, @Valid @RequestBody Rejection rejection) {
        withdrawals.reject(operator.id(), number, rejection.reason());
        return new WithdrawalDecided("REJECTED");
    }
}
