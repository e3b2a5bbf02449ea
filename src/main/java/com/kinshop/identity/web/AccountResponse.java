package com.kinshop.identity.web;

import com.kinshop.identity.AccountView;
import com.kinshop.identity.Role;

import java.time.Instant;
import java.util.Set;

/** An account as the API shows it. */
record AccountResponse(long id, String phone, String nickname, String avatarUrl, Set<Role> roles, Instant createdAt) {

    static AccountResponse of(AccountView account) {
        return new AccountResponse(account.id().value(), account.phone(), account.nickname(), account.avatarUrl(),
                account.roles(), account.createdAt());
    }
}
