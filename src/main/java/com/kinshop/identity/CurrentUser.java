package com.kinshop.identity;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The signed-in account as kept in the session. Its name is the account id, which is how sessions are
 * found (and revoked) by principal.
 */
public record CurrentUser(long accountId, Set<Role> roles) implements AuthenticatedPrincipal, Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public AccountId id() {
        return new AccountId(accountId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public List<GrantedAuthority> authorities() {
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getName() {
        return String.valueOf(accountId);
    }
}
