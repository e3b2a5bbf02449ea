package com.kinshop.ordering.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new after-sales request: the buyer's, or the operator's refund of a completed order. */
@Schema(description = "The after-sales request just created")
record AfterSaleCreated(@Schema(description = "Its number (售后单号), as in /api/me/after-sales and the after-sales actions") String number) {
}
