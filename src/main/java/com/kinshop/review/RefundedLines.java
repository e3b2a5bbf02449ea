package com.kinshop.review;

import com.kinshop.ordering.OrderEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A line refunded after its review was posted: the review says "已退款" from then on (its stars stay as given). */
@Component
class RefundedLines {

    private final JdbcClient jdbc;

    RefundedLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void onRefund(OrderEvents.RefundGranted refund) {
        jdbc.sql("update review set refunded = true where order_line_id = ? and not refunded").param(refund.orderLineId()).update();
    }
}
