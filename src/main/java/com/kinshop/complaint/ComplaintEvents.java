package com.kinshop.complaint;

import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;

import java.time.Instant;
import java.util.List;

/** What happens to complaints (投诉), published in the transaction that made it happen (for scores and credit). */
public final class ComplaintEvents {

    private ComplaintEvents() {
    }

    /** {@code products}: the products of the order the complaint is about (the line's product when it names one). */
    public record ComplaintFiled(String number, long orderId, String orderNumber, SupplierId supplier, List<ProductId> products, Instant at) {
    }

    /** The operator's arbitration: upheld (with {@code penalty}, zero when none was taken) or dismissed. Published once. */
    public record ComplaintDecided(String number, long orderId, String orderNumber, SupplierId supplier, List<ProductId> products, boolean upheld,
                                   Money penalty, Instant at) {
    }
}
