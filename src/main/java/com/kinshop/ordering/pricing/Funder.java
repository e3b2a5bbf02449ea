package com.kinshop.ordering.pricing;

/** Who pays for a discount: the platform (its marketing expense) or the supplier (less payable to it). */
public enum Funder { PLATFORM, SUPPLIER }
