/**
 * Identity: accounts, phone + password and phone + one-time-code sign-in, roles, profiles and sessions.
 * Public API: {@link com.kinshop.identity.AccountAccess}, {@link com.kinshop.identity.Accounts}, the value types and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package com.kinshop.identity;
