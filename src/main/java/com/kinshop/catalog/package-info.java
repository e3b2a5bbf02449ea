/**
 * Catalog (S2b2c supply side): supplier onboarding and staff, two-level categories, products with SKUs, operator
 * review, platform settings, and the read model the storefront and shops show.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package com.kinshop.catalog;
