/**
 * Storefront: the phone-first shopping shell (首页 / 分类 / 购物车 / 我的) that catalog and ordering fill in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storefront")
package com.kinshop.storefront;
