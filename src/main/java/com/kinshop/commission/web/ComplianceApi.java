package com.kinshop.commission.web;

import com.kinshop.commission.ComplianceReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

@Tag(name = "Operator compliance", description = "Proof from the data that distribution stays within two levels and pays only for sales")
@RestController
class ComplianceApi {

    private final ComplianceReport report;

    ComplianceApi(ComplianceReport report) {
        this.report = report;
    }

    @GetMapping("/api/admin/compliance")
    ComplianceReport.Report run() {
        return report.run();
    }

    @Operation(summary = "The same report as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese)")
    @GetMapping("/api/admin/compliance.csv")
    ResponseEntity<byte[]> csv() {
        byte[] body = ("\uFEFF" + report.csv()).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kinshop-compliance.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }
}
