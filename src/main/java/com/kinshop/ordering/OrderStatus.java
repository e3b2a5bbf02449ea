package com.kinshop.ordering;

public enum OrderStatus {
    AWAITING_PAYMENT, PAID, SHIPPED, RECEIVED, COMPLETED, CANCELLED, REFUNDED
}
