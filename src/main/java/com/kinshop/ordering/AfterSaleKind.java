package com.kinshop.ordering;

public enum AfterSaleKind { REFUND_ONLY, RETURN_AND_REFUND }
