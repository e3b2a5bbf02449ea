package com.kinshop.deposit;

import com.kinshop.catalog.SupplierId;

/**
 * Asked before a supplier's deposit is returned on exit: a module with business still open with the supplier refuses
 * by throwing a {@link com.kinshop.shared.BusinessException} (the complaint module: an open complaint). Implemented by
 * modules that depend on this one, so the deposit module never depends on them.
 */
public interface DepositExitCheck {

    void checkMayExit(SupplierId supplier);
}
