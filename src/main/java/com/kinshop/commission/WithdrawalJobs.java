package com.kinshop.commission;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Pays out approved withdrawals, one per transaction; any node may run it (rows are claimed with SKIP LOCKED). */
@Component
class WithdrawalJobs {

    private final Withdrawals withdrawals;

    WithdrawalJobs(Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    @Scheduled(fixedDelayString = "${kinshop.commission.payout-poll:2s}", initialDelayString = "${kinshop.commission.payout-poll:2s}")
    void payApproved() {
        for (int paid = 0; paid < 100 && withdrawals.payNext(); paid++) {
            // one payout per transaction
        }
    }
}
