package com.kinshop.shop;

/** Typed id of a micro-shop. */
public record ShopId(long value) {
}
