package com.kinshop.identity;

import com.kinshop.support.Phones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity module on its own (with the shared kernel): registration publishes AccountRegistered. */
@ApplicationModuleTest
@ActiveProfiles("test")
class IdentityModuleTests {

    @Autowired
    AccountAccess access;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registeringPublishesAccountRegistered(AssertablePublishedEvents events) {
        String phone = Phones.fresh();
        access.requestCode(phone, CodePurpose.REGISTER, "127.0.0.1");

        CurrentUser user = access.register(new Registration(phone, Phones.lastCodeSentTo(jdbc, phone), "secret123", "模块测试"), "127.0.0.1");

        assertThat(events).contains(AccountRegistered.class).matching(AccountRegistered::accountId, user.id());
        assertThat(accounts.get(user.id()).roles()).containsExactly(Role.MEMBER);
    }
}
