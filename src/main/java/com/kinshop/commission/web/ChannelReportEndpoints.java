package com.kinshop.commission.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.commission.ChannelReport;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;

/** The supplier's channel report: sales and commission by sharer for its products, as a console page and as JSON. */
@Controller
class ChannelReportEndpoints {

    private final ChannelReport report;
    private final Suppliers suppliers;

    ChannelReportEndpoints(ChannelReport report, Suppliers suppliers) {
        this.report = report;
        this.suppliers = suppliers;
    }

    @Operation(summary = "Sales and commission by sharer (shop) over the last N days (1–366)")
    @GetMapping("/api/supplier/channels")
    @ResponseBody
    List<ChannelReport.Channel> json(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "30") int days) {
        return report.of(supplier(user), checked(days));
    }

    @GetMapping("/console/supplier/channels")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "30") int days, Model model) {
        model.addAttribute("channels", report.of(supplier(user), checked(days)));
        model.addAttribute("days", checked(days));
        model.addAttribute("nav", "supplier-channels");
        return "console/supplier/channels";
    }

    private static int checked(int days) {
        if (days < 1 || days > 366) {
            throw BusinessException.invalid("days", "channel.days.range");
        }
        return days;
    }

    private SupplierId supplier(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
