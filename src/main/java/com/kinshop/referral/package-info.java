/**
 * Referral: who brought whom (绑定/锁粉), the operator's distribution policy with its compliance guard, and member
 * tiers. The referral graph is one row per member (their referrer), so a chain of uplines is a short walk and a cycle
 * can be refused before it exists.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referral")
package com.kinshop.referral;
