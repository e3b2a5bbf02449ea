package com.kinshop.commission.web;

import com.kinshop.catalog.Suppliers;
import com.kinshop.commission.ChannelReport;
import com.kinshop.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Supplier channels", description = "Sales and commission by sharer for the caller's supplier")
@RestController
class ChannelReportApi {

    private final ChannelReport report;
    private final Suppliers suppliers;

    ChannelReportApi(ChannelReport report, Suppliers suppliers) {
        this.report = report;
        this.suppliers = suppliers;
    }

    @Operation(summary = "Sales and commission by sharer (shop) over the last N days (1–366)")
    @GetMapping("/api/supplier/channels")
    List<ChannelReport.Channel> channels(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "30") int days) {
        return report.of(ChannelReportPage.supplier(suppliers, user), ChannelReportPage.checked(days));
    }
}
