package com.kinshop.catalog;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Operator settings of the catalog: the platform fee (basis points of the retail price). What a sharer earns of a SKU's
 * commission budget is not set here: the member tiers (referral) are the one source of those shares.
 */
@Service
public class PlatformSettings {

    static final String PLATFORM_FEE = "platform_fee_bp";
    private static final int DEFAULT_PLATFORM_FEE_BP = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    PlatformSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public int platformFeeBp() {
        return get(PLATFORM_FEE, DEFAULT_PLATFORM_FEE_BP);
    }

    @Transactional
    public void update(AccountId operator, int platformFeeBp) {
        if (platformFeeBp < 0 || platformFeeBp > 3000) {
            throw BusinessException.invalid("platformFeeBp", "settings.platform-fee.range");
        }
        set(PLATFORM_FEE, platformFeeBp, operator);
    }

    private int get(String name, int fallback) {
        return jdbc.sql("select value from platform_setting where name = ?").param(name).query(Long.class).optional()
                .map(Long::intValue).orElse(fallback);
    }

    private void set(String name, long value, AccountId operator) {
        jdbc.sql("""
                        insert into platform_setting (name, value, updated_at, updated_by) values (?, ?, ?, ?)
                        on conflict (name) do update set value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(name, value, clock.instant().atOffset(ZoneOffset.UTC), operator.value())
                .update();
    }
}
