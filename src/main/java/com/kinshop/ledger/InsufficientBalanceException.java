package com.kinshop.ledger;

import com.kinshop.shared.BusinessException;
import org.springframework.http.HttpStatus;

/** A posting would take an account that may not go negative below zero; nothing was posted. */
public class InsufficientBalanceException extends BusinessException {

    public InsufficientBalanceException(String accountCode) {
        super(HttpStatus.CONFLICT, "ledger.insufficient-balance", null, accountCode);
    }
}
