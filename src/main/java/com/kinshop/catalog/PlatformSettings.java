package com.kinshop.catalog;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Operator settings of the catalog: the platform fee (basis points of the retail price) and the share of a SKU's
 * commission budget a member earns on a direct sale, used for "分享赚" until tiers set it per member.
 */
@Service
public class PlatformSettings {

    static final String PLATFORM_FEE = "platform_fee_bp";
    static final String LEVEL1_SHARE = "level1_share_bp";
    private static final int DEFAULT_PLATFORM_FEE_BP = 500;
    private static final int DEFAULT_LEVEL1_SHARE_BP = 6000;

    private final JdbcClient jdbc;
    private final Clock clock;

    PlatformSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public int platformFeeBp() {
        return get(PLATFORM_FEE, DEFAULT_PLATFORM_FEE_BP);
    }

    public int level1ShareBp() {
        return get(LEVEL1_SHARE, DEFAULT_LEVEL1_SHARE_BP);
    }

    @Transactional
    public void update(AccountId operator, int platformFeeBp, int level1ShareBp) {
        if (platformFeeBp < 0 || platformFeeBp > 3000) {
            throw BusinessException.invalid("platformFeeBp", "settings.platform-fee.range");
        }
        if (level1ShareBp < 0 || level1ShareBp > 10_000) {
            throw BusinessException.invalid("level1ShareBp", "settings.level1-share.range");
        }
        set(PLATFORM_FEE, platformFeeBp, operator);
        set(LEVEL1_SHARE, level1ShareBp, operator);
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
