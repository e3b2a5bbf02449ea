package com.kinshop.identity;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The account aggregate: credentials, profile and roles. Saved with an optimistic version check. */
@Table("account")
class Account {

    @Id
    private Long id;
    private final String phone;
    private String passwordHash;
    private String nickname;
    private String avatar;
    @Version
    private Integer version;
    private final Instant createdAt;
    private Instant updatedAt;
    @MappedCollection(idColumn = "account_id")
    private Set<AccountRole> roles;

    Account(Long id, String phone, String passwordHash, String nickname, String avatar, Integer version,
            Instant createdAt, Instant updatedAt, Set<AccountRole> roles) {
        this.id = id;
        this.phone = phone;
        this.passwordHash = passwordHash;
        this.nickname = nickname;
        this.avatar = avatar;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.roles = roles;
    }

    static Account register(String phone, String passwordHash, String nickname, Set<Role> roles, Instant now) {
        Set<Role> all = EnumSet.of(Role.MEMBER);
        all.addAll(roles);
        return new Account(null, phone, passwordHash, nickname, null, null, now, now,
                all.stream().map(AccountRole::new).collect(Collectors.toSet()));
    }

    void rename(String newNickname, Instant now) {
        this.nickname = newNickname;
        this.updatedAt = now;
    }

    void changeAvatar(String avatarUrl, Instant now) {
        this.avatar = avatarUrl;
        this.updatedAt = now;
    }

    /** Every account stays a member: the other roles come and go. */
    void assignRoles(Set<Role> newRoles, Instant now) {
        Set<Role> all = EnumSet.of(Role.MEMBER);
        all.addAll(newRoles);
        this.roles = all.stream().map(AccountRole::new).collect(Collectors.toSet());
        this.updatedAt = now;
    }

    Set<Role> roles() {
        return roles.stream().map(AccountRole::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    Long id() {
        return id;
    }

    String phone() {
        return phone;
    }

    String passwordHash() {
        return passwordHash;
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, roles());
    }

    AccountView toView() {
        return new AccountView(new AccountId(id), phone, nickname, avatar, roles(), createdAt);
    }

    @Table("account_role")
    record AccountRole(Role role) {
    }
}
