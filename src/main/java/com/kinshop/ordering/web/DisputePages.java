package com.kinshop.ordering.web;

import com.kinshop.ordering.AfterSaleStatus;
import com.kinshop.ordering.AfterSales;
import com.kinshop.ordering.Orders;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Flash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Operator console: after-sales requests a buyer escalated after the supplier said no, decided with a note both sides see. */
@Controller
@RequestMapping("/console/admin/disputes")
class DisputePages {

    private final Orders orders;
    private final AfterSales afterSales;
    private final JdbcClient jdbc;
    private final Clock clock;

    DisputePages(Orders orders, AfterSales afterSales, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.afterSales = afterSales;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping
    String disputes(Model model) {
        List<Orders.AfterSaleView> all = orders.escalated();
        model.addAttribute("open", all.stream().filter(request -> request.status() == AfterSaleStatus.ESCALATED).toList());
        model.addAttribute("decided", all.stream().filter(request -> request.status() != AfterSaleStatus.ESCALATED).toList());
        model.addAttribute("suppliers", supplierNames(all.stream().map(Orders.AfterSaleView::number).toList()));
        model.addAttribute("nav", "disputes");
        return "console/admin/disputes";
    }

    /** Which supplier each request is against, in one query (the after-sales view does not carry it). */
    private Map<String, String> supplierNames(List<String> numbers) {
        Map<String, String> names = new HashMap<>();
        if (!numbers.isEmpty()) {
            jdbc.sql("select a.number, s.name from after_sale a join supplier s on s.id = a.supplier_id where a.number in (:numbers)")
                    .param("numbers", numbers)
                    .query(rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
        }
        return names;
    }

    @PostMapping("/{number}/decision")
    String decide(@PathVariable String number, @RequestParam(required = false) Boolean refund, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/admin/disputes", refund == Boolean.TRUE ? "console.disputes.refunded" : "console.disputes.closed",
                () -> {
                    if (refund == null) {
                        throw BusinessException.invalid("refund", "aftersale.decision.required");
                    }
                    afterSales.decide(number, refund, note);
                });
    }
}
