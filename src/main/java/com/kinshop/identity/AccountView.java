package com.kinshop.identity;

import java.time.Instant;
import java.util.Set;

/** What other modules and pages may know of an account (never its password hash). */
public record AccountView(AccountId id, String phone, String nickname, String avatarUrl, Set<Role> roles, Instant createdAt) {

    /** 138****0001: enough to recognise one's own number, not enough to call a stranger. */
    public String maskedPhone() {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    /** The first character of the nickname, for the avatar placeholder. */
    public String initial() {
        return nickname.isEmpty() ? "?" : nickname.substring(0, nickname.offsetByCodePoints(0, 1));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isSupplierStaff() {
        return has(Role.SUPPLIER_STAFF);
    }

    public boolean canUseConsole() {
        return has(Role.OPERATOR) || has(Role.SUPPLIER_STAFF);
    }
}
