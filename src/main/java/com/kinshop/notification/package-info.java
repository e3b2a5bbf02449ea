/**
 * Notification: in-app messages (站内信). Listens to what happens elsewhere (orders, after-sales, commission and
 * withdrawals) and keeps one message per event and reader, stored as a message key and arguments so each reader sees
 * it in their own language.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package com.kinshop.notification;
