package com.kinshop.catalog.web;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import org.springframework.stereotype.Component;

/** The supplier a staff account works for; an account with the role but no supplier is refused. */
@Component
class CurrentSupplier {

    private final Suppliers suppliers;

    CurrentSupplier(Suppliers suppliers) {
        this.suppliers = suppliers;
    }

    SupplierId of(CurrentUser user) {
        return suppliers.supplierOf(user.id()).orElseThrow(() -> BusinessException.forbidden("supplier.not-linked"));
    }
}
