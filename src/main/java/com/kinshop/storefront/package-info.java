/**
 * Storefront: the phone-first shopping pages (首页 / 分类 / 购物车 / 我的, search and product pages), composed from
 * the catalog and shop modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storefront")
package com.kinshop.storefront;
