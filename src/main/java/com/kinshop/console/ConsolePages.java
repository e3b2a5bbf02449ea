package com.kinshop.console;

import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.CurrentUser;
import com.kinshop.identity.Role;
import com.kinshop.ordering.AfterSaleStatus;
import com.kinshop.ordering.OrderStatus;
import com.kinshop.ordering.Orders;
import com.kinshop.payment.Reconciliation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console home: figures for operators, the work queue entry for suppliers' staff. */
@Controller
class ConsolePages {

    /** Work-queue counts stop here and show as "99+". */
    private static final int COUNT_CAP = 100;

    private final Accounts accounts;
    private final Suppliers suppliers;
    private final Orders orders;
    private final Reconciliation reconciliation;

    ConsolePages(Accounts accounts, Suppliers suppliers, Orders orders, Reconciliation reconciliation) {
        this.accounts = accounts;
        this.suppliers = suppliers;
        this.orders = orders;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/console")
    String dashboard(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("nav", "dashboard");
        if (user.has(Role.OPERATOR)) {
            model.addAttribute("stats", accounts.statistics());
            model.addAttribute("recent", accounts.search("", 8));
            model.addAttribute("openDisputes", orders.escalated().stream().filter(a -> a.status() == AfterSaleStatus.ESCALATED).count());
            model.addAttribute("lastReconciliation", reconciliation.history(1).stream().findFirst().orElse(null));
        }
        suppliers.supplierOf(user.id()).ifPresent(supplier -> {
            model.addAttribute("supplier", suppliers.get(supplier));
            // what can ship now: a group-buy order held until its group succeeds is not one (as on the orders page)
            model.addAttribute("toShip", cap(orders.ofSupplier(supplier, OrderStatus.PAID, COUNT_CAP).stream().filter(order -> !order.held()).count()));
            model.addAttribute("afterSalesToHandle", cap(orders.afterSalesOfSupplier(supplier).stream()
                    .filter(a -> a.status() == AfterSaleStatus.REQUESTED || a.status() == AfterSaleStatus.RETURN_SHIPPED).count()));
        });
        return "console/dashboard";
    }

    private static String cap(long count) {
        return count >= COUNT_CAP ? (COUNT_CAP - 1) + "+" : Long.toString(count);
    }
}
