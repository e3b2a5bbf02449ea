package com.kinshop.shop;

import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of a micro-shop. */
public record ShopId(@JsonValue long value) {
}
