package com.kinshop.identity;

import com.kinshop.shared.DemoDataSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** The demo accounts listed in the README; created once, printed at every start. */
@Component
@Order(10)
class IdentityDemoData implements DemoDataSeeder {

    static final String PASSWORD = "kinshop123";
    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("13800000000", "运营小亲", Set.of(Role.OPERATOR)),
            new DemoAccount("13800000001", "林晓雨", Set.of()),
            new DemoAccount("13800000002", "王大锤", Set.of()),
            new DemoAccount("13800000003", "陈美美", Set.of()),
            new DemoAccount("13800000004", "张小凡", Set.of()),
            new DemoAccount("13800000005", "赵敏", Set.of()),
            new DemoAccount("13900000001", "良品工坊·李经理", Set.of(Role.SUPPLIER_STAFF)),
            new DemoAccount("13900000002", "山野农场·周店长", Set.of(Role.SUPPLIER_STAFF)));

    private static final Logger log = LoggerFactory.getLogger(IdentityDemoData.class);
    private final AccountAccess access;

    IdentityDemoData(AccountAccess access) {
        this.access = access;
    }

    @Override
    public void seed() {
        StringBuilder table = new StringBuilder("\nDemo accounts (password for all: " + PASSWORD + ")\n");
        List<AccountView> accounts = access.createIfAbsent(ACCOUNTS.stream()
                .map(demo -> new AccountAccess.NewAccount(demo.phone(), demo.nickname(), demo.roles())).toList(), PASSWORD);
        for (AccountView account : accounts) {
            table.append("  %s  %-16s %s%n".formatted(account.phone(), account.roles(), account.nickname()));
        }
        log.info(table.toString());
    }

    record DemoAccount(String phone, String nickname, Set<Role> roles) {
    }
}
