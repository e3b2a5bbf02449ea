package com.kinshop.notification;

import com.kinshop.catalog.Suppliers;
import com.kinshop.credit.CreditEvents;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountView;
import com.kinshop.identity.Accounts;
import com.kinshop.identity.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the operators and the supplier's staff when a supplier's credit crosses the flag or suspension line: the operator
 * to look at it (its new products are marked 低信用, its ranking lowered, its campaigns possibly suspended), the staff what
 * changed for them. One message per reader and change (keyed by the change's time, so a redelivery adds none).
 */
@Component
class CreditNotifications {

    private final Inbox inbox;
    private final Accounts accounts;
    private final Suppliers suppliers;

    CreditNotifications(Inbox inbox, Accounts accounts, Suppliers suppliers) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.suppliers = suppliers;
    }

    @ApplicationModuleListener
    void on(CreditEvents.StandingChanged changed) {
        String state = changed.suspended() ? "suspended" : changed.flagged() ? "flagged" : "cleared";
        String key = "credit:" + changed.supplier().value() + ":" + state + ":" + changed.at().toEpochMilli();
        String name = suppliers.get(changed.supplier()).name();
        for (AccountId operator : accounts.withRole(Role.OPERATOR)) {
            inbox.deliver(operator, key, "inbox.credit.operator." + state, "/console/admin/credit", name, changed.score());
        }
        for (AccountView staff : suppliers.staff(changed.supplier())) {
            inbox.deliver(staff.id(), key, "inbox.credit.supplier." + state, "/console/supplier/credit", name, changed.score());
        }
    }
}
