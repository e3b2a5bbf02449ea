package com.kinshop.ordering.pricing;

/** Who pays for a discount: the platform (its marketing expense) or the supplier (less payable to it). */
@org.springframework.modulith.NamedInterface("pricing") // handed back by checkout participants (coupons, other plays)
public enum Funder { PLATFORM, SUPPLIER }
