package com.kinshop.deposit;

import com.kinshop.catalog.ListingGate;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.BusinessException;
import org.springframework.stereotype.Component;

/** A supplier below its required deposit tops up before listing new products; one that exited lists nothing again. */
@Component
class DepositListingGate implements ListingGate {

    private final Deposits deposits;

    DepositListingGate(Deposits deposits) {
        this.deposits = deposits;
    }

    @Override
    public void checkMayList(SupplierId supplier) {
        Deposits.Standing standing = deposits.standing(supplier);
        if (standing.exited()) {
            throw BusinessException.conflict("deposit", "deposit.listing.exited");
        }
        if (standing.shortfall().isPositive()) {
            throw BusinessException.conflict("deposit", "deposit.listing.shortfall", standing.shortfall().toPlainString(),
                    standing.required().toPlainString(), standing.balance().toPlainString());
        }
    }
}
