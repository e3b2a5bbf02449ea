package com.kinshop.payment.web;

import com.kinshop.payment.Payments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Where providers tell us about payments. The body is taken as raw bytes: the signature is over exactly those. */
@Tag(name = "Payment notifications", description = "Provider callbacks, verified by signature (no session, no CSRF token)")
@RestController
class NotificationEndpoint {

    private final Payments payments;

    NotificationEndpoint(Payments payments) {
        this.payments = payments;
    }

    @Schema(name = "PaymentNotificationAcknowledgement", description = "The answer a provider expects once its notification is recorded")
    record Acknowledgement(@Schema(description = "Always SUCCESS") String code) {
    }

    @Operation(summary = "A provider's signed notification; 200 once recorded (or already recorded), 4xx if refused")
    @PostMapping("/api/payment/notifications/{provider}")
    ResponseEntity<Acknowledgement> notify(@PathVariable String provider, @RequestBody(required = false) byte[] body,
                                               HttpServletRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        payments.accept(provider, headers, body == null ? new byte[0] : body);
        return ResponseEntity.ok(new Acknowledgement("SUCCESS"));
    }
}
