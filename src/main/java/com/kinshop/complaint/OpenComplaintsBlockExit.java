package com.kinshop.complaint;

import com.kinshop.catalog.SupplierId;
import com.kinshop.deposit.DepositExitCheck;
import com.kinshop.shared.BusinessException;
import org.springframework.stereotype.Component;

/** A supplier with an open complaint keeps its deposit: the complaint may still end in a penalty taken from it. */
@Component
class OpenComplaintsBlockExit implements DepositExitCheck {

    private final ComplaintViews views;

    OpenComplaintsBlockExit(ComplaintViews views) {
        this.views = views;
    }

    @Override
    public void checkMayExit(SupplierId supplier) {
        long open = views.openAgainst(supplier);
        if (open > 0) {
            throw BusinessException.conflict(null, "complaint.open-blocks-exit", open);
        }
    }
}
