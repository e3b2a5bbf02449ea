package com.kinshop.complaint;

/** The fixed list a buyer chooses from (shown as 商品质量 / 描述不符 / …, {@code complaint.category.<NAME>}). */
public enum ComplaintCategory {
    QUALITY, NOT_AS_DESCRIBED, LATE_SHIPMENT, AFTER_SALES_EVASION, SERVICE_ATTITUDE, COUNTERFEIT, OTHER
}
