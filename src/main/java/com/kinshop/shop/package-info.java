/**
 * Micro-shops (共享微店): any member opens one for free, picks products from the approved pool, and shares the shop or
 * a product by link or poster. Visits through share links are recorded for conversion figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shop")
package com.kinshop.shop;
