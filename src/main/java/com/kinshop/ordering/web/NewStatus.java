package com.kinshop.ordering.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to an action on an order or an after-sales request: where it stands now. */
@Schema(description = "The status an order or after-sales request has after the action")
record NewStatus(@Schema(description = "An order's status (e.g. SHIPPED, CANCELLED, RECEIVED) or an after-sales request's "
        + "(e.g. REJECTED, RETURN_SHIPPED, ESCALATED, WITHDRAWN, REFUNDING)") String status) {
}
