package com.kinshop.identity;

import com.kinshop.shared.BusinessException;
import com.kinshop.shared.MediaStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading accounts, editing one's profile, and the operator's role changes (which end the account's sessions). */
@Service
public class Accounts {

    private static final long MAX_AVATAR_BYTES = 2L * 1024 * 1024;

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final MediaStore media;
    private final SessionRevocation sessions;
    private final Clock clock;

    Accounts(AccountRepository accounts, JdbcClient jdbc, MediaStore media, SessionRevocation sessions, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.media = media;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Accounts as others see them, in one statement with their roles: pages look accounts up for names and avatars, and
     * loading the aggregate (its row, then its roles, then mapping both) cost more than the rest of a shop's share-link page.
     */
    private static final String VIEWS = """
            select a.id, a.phone, a.nickname, a.avatar, a.created_at, array_remove(array_agg(r.role), null) as roles
            from account a left join account_role r on r.account_id = a.id""";

    private List<AccountView> views(String where, Object param) {
        return jdbc.sql(VIEWS + " where " + where + " group by a.id").param(param).query((rs, n) -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : (String[]) rs.getArray("roles").getArray()) {
                roles.add(Role.valueOf(role));
            }
            return new AccountView(new AccountId(rs.getLong("id")), rs.getString("phone"), rs.getString("nickname"), rs.getString("avatar"),
                    roles, rs.getTimestamp("created_at").toInstant());
        }).list();
    }

    public Optional<AccountView> find(AccountId id) {
        return views("a.id = ?", id.value()).stream().findFirst();
    }

    public Optional<AccountView> findByPhone(String phone) {
        return views("a.phone = ?", phone).stream().findFirst();
    }

    public AccountView get(AccountId id) {
        return find(id).orElseThrow(() -> BusinessException.notFound("account.not-found"));
    }

    /** Newest first; {@code query} matches a phone prefix or part of a nickname. */
    @Transactional(readOnly = true)
    public List<AccountView> search(String query, int limit) {
        String q = query == null ? "" : query.strip();
        List<Long> ids = jdbc.sql("""
                        select id from account
                        where ? = '' or phone like ? || '%' or nickname ilike '%' || ? || '%'
                        order by id desc limit ?""")
                .params(q, q, q.replace("%", "\\%").replace("_", "\\_"), limit)
                .query(Long.class).list();
        Map<AccountId, AccountView> byId = new java.util.HashMap<>();
        views("a.id = any(?)", ids.toArray(Long[]::new)).forEach(account -> byId.put(account.id(), account));
        return ids.stream().map(id -> byId.get(new AccountId(id))).toList();
    }

    /** The accounts holding a role (e.g. every operator, to tell them something). */
    public List<AccountId> withRole(Role role) {
        return jdbc.sql("select account_id from account_role where role = ? order by account_id").param(role.name())
                .query(Long.class).list().stream().map(AccountId::new).toList();
    }

    @Transactional(readOnly = true)
    public AccountStatistics statistics() {
        Map<Role, Long> byRole = new EnumMap<>(Role.class);
        jdbc.sql("select role, count(*) from account_role group by role")
                .query((rs, n) -> byRole.put(Role.valueOf(rs.getString(1)), rs.getLong(2))).list();
        LocalDate today = LocalDate.now(clock);
        long newToday = jdbc.sql("select count(*) from account where created_at >= ?")
                .param(today.atStartOfDay(clock.getZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                .query(Long.class).single();
        return new AccountStatistics(byRole.getOrDefault(Role.MEMBER, 0L), newToday,
                byRole.getOrDefault(Role.SUPPLIER_STAFF, 0L), byRole.getOrDefault(Role.OPERATOR, 0L));
    }

    @Transactional
    public AccountView rename(AccountId id, String nickname) {
        String trimmed = nickname == null ? "" : nickname.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > 20) {
            throw BusinessException.invalid("nickname", "nickname.invalid");
        }
        Account account = load(id);
        account.rename(trimmed, clock.instant());
        return accounts.save(account).toView();
    }

    @Transactional
    public AccountView changeAvatar(AccountId id, byte[] image) {
        String url = media.storeImage("avatars", image, MAX_AVATAR_BYTES, 256, "avatar");
        Account account = load(id);
        account.changeAvatar(url, clock.instant());
        return accounts.save(account).toView();
    }

    /** Operator only. Signs the account out everywhere, so the new roles apply from its next sign-in. */
    @Transactional
    public AccountView changeRoles(AccountId operator, AccountId target, Set<Role> roles) {
        if (operator.equals(target) && !roles.contains(Role.OPERATOR)) {
            throw BusinessException.invalid("roles", "roles.keep-own-operator");
        }
        Account account = load(target);
        account.assignRoles(roles, clock.instant());
        AccountView saved = accounts.save(account).toView();
        sessions.revokeAll(target);
        return saved;
    }

    /** Adds one role (e.g. when a supplier application is approved); like any role change it ends the account's sessions. */
    @Transactional
    public void grantRole(AccountId target, Role role) {
        Account account = load(target);
        if (!account.roles().contains(role)) {
            Set<Role> roles = account.roles();
            roles.add(role);
            account.assignRoles(roles, clock.instant());
            accounts.save(account);
            sessions.revokeAll(target);
        }
    }

    private Account load(AccountId id) {
        return accounts.findById(id.value()).orElseThrow(() -> BusinessException.notFound("account.not-found"));
    }

    public record AccountStatistics(long members, long registeredToday, long supplierStaff, long operators) {
    }
}
