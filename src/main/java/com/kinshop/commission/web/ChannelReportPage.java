package com.kinshop.commission.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.commission.ChannelReport;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The supplier's channel report page: sales and commission by sharer for its products. */
@Controller
class ChannelReportPage {

    private final ChannelReport report;
    private final Suppliers suppliers;

    ChannelReportPage(ChannelReport report, Suppliers suppliers) {
        this.report = report;
        this.suppliers = suppliers;
    }

    @GetMapping("/console/supplier/channels")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "30") int days, Model model) {
        model.addAttribute("channels", report.of(supplier(suppliers, user), checked(days)));
        model.addAttribute("days", checked(days));
        model.addAttribute("nav", "supplier-channels");
        return "console/supplier/channels";
    }

    static int checked(int days) {
        if (days < 1 || days > 366) {
            throw BusinessException.invalid("days", "channel.days.range");
        }
        return days;
    }

    static SupplierId supplier(Suppliers suppliers, CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
