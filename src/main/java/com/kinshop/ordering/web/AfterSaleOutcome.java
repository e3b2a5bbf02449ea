package com.kinshop.ordering.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a decision on an after-sales request led to. */
@Schema(description = "What a decision on an after-sales request led to")
record AfterSaleOutcome(@Schema(description = "APPROVED (the supplier approved), REFUNDING (the refund goes out) or CLOSED (closed without a refund)")
                        String result) {
}
