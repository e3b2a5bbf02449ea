package com.kinshop.deposit;

import com.kinshop.identity.AccountId;
import com.kinshop.ledger.InsufficientBalanceException;
import com.kinshop.ledger.Journal;
import com.kinshop.ledger.Ledger;
import com.kinshop.ledger.LedgerAccount;
import com.kinshop.ledger.LedgerAccounts;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.stereotype.Component;

/**
 * A deposit's money on the ledger. Paid in: clearing → supplier:{id}:deposit (the payment itself already moved the
 * provider's funds against clearing). Penalty: deposit → the buyer's available balance or platform revenue. Return:
 * deposit → deposit:returning, then returning → the provider's funds once paid out. Every journal is keyed by its
 * business (payment, complaint or return number), so it posts once; the postings that take money out of the deposit
 * may not overdraw it, checked atomically by the ledger whatever runs at the same time.
 */
@Component
class DepositBooks {

    private final Ledger ledger;

    DepositBooks(Ledger ledger) {
        this.ledger = ledger;
    }

    /** What the deposit holds now (the account is credit-side: its balance is the negated amount held). */
    Money balance(long supplierId) {
        return ledger.balance(LedgerAccounts.supplierDeposit(supplierId).code()).negated();
    }

    void paidIn(long supplierId, String topUpNumber, String paymentNumber, Money amount) {
        ledger.post(Journal.builder("deposit-in:" + paymentNumber, "DEPOSIT_PAID", topUpNumber, paymentNumber)
                .move(amount, LedgerAccounts.supplierDeposit(supplierId), LedgerAccounts.PLATFORM_CLEARING).build());
    }

    /** Throws 409 on {@code penaltyFen} if the deposit does not hold the penalty (nothing posted). */
    void penalty(long supplierId, String complaintNumber, Money penalty, PenaltyPayee payee, AccountId buyer) {
        LedgerAccount deposit = LedgerAccounts.supplierDeposit(supplierId);
        LedgerAccount to = payee == PenaltyPayee.BUYER ? LedgerAccounts.memberAvailable(buyer.value()) : LedgerAccounts.PLATFORM_REVENUE;
        try {
            ledger.post(Journal.builder("deposit-penalty:" + complaintNumber, payee == PenaltyPayee.BUYER ? "DEPOSIT_PENALTY_BUYER" : "DEPOSIT_PENALTY_PLATFORM", complaintNumber)
                    .move(penalty, to, deposit).notOverdrawing(deposit).build());
        } catch (InsufficientBalanceException e) {
            throw BusinessException.conflict("penaltyFen", "deposit.penalty.over-balance", balance(supplierId).toPlainString());
        }
    }

    /** Throws 409 if the balance changed since it was read (nothing posted). */
    void returnRequested(long supplierId, String returnNumber, Money amount) {
        LedgerAccount deposit = LedgerAccounts.supplierDeposit(supplierId);
        try {
            ledger.post(Journal.builder("deposit-return:" + returnNumber, "DEPOSIT_RETURN_REQUESTED", returnNumber)
                    .move(amount, LedgerAccounts.supplierDepositReturning(supplierId), deposit).notOverdrawing(deposit).build());
        } catch (InsufficientBalanceException e) {
            throw BusinessException.conflict(null, "deposit.return.balance-changed");
        }
    }

    void returned(long supplierId, String returnNumber, Money amount, String provider) {
        ledger.post(Journal.builder("deposit-returned:" + returnNumber, "DEPOSIT_RETURNED", returnNumber)
                .move(amount, LedgerAccounts.providerFunds(provider), LedgerAccounts.supplierDepositReturning(supplierId)).build());
    }

    java.util.List<Ledger.Line> history(long supplierId, int limit) {
        return ledger.lines(LedgerAccounts.supplierDeposit(supplierId).code(), limit);
    }
}
