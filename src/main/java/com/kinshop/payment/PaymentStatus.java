package com.kinshop.payment;

public enum PaymentStatus { CREATED, SUCCEEDED, FAILED, CLOSED }
