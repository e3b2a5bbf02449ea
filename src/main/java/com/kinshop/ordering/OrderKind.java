package com.kinshop.ordering;

/** How an order was sold: at catalog price, or through one of the marketing plays (each a module ordering never imports). */
public enum OrderKind {
    NORMAL, GROUP, BARGAIN, FLASH
}
