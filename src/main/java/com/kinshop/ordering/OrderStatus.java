package com.kinshop.ordering;

/** awaiting payment → paid → shipped → received → completed; cancelled only before payment. */
public enum OrderStatus {
    AWAITING_PAYMENT, PAID, SHIPPED, RECEIVED, COMPLETED, CANCELLED
}
