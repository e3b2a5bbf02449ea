package com.kinshop.commission;

import com.kinshop.identity.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Patterns that hold a commission for the operator instead of letting it settle: a member's own accounts buying through
 * each other (the order goes to the beneficiary's own phone), two members earning from each other's purchases, and a
 * beneficiary whose referred orders are mostly refunded after commission.
 */
@Component
class FraudChecks {

    private static final Duration LOOKBACK = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;

    FraudChecks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Flag(String reason, String detail) {
    }

    List<Flag> check(long orderId, AccountId buyer, AccountId beneficiary) {
        List<Flag> flags = new ArrayList<>();
        if (buyer.equals(beneficiary)) {
            return flags; // a self-purchase is the policy's business, not fraud
        }
        boolean ownPhone = jdbc.sql("""
                        select exists (select 1 from orders o where o.id = :order and (o.phone = (select phone from account where id = :b)
                                       or o.phone in (select phone from address where account_id = :b)))""")
                .param("order", orderId).param("b", beneficiary.value()).query(Boolean.class).single();
        if (ownPhone) {
            flags.add(new Flag("OWN_ACCOUNTS", "订单收货手机号属于获佣会员本人"));
        }
        boolean mutual = jdbc.sql("select exists (select 1 from commission where beneficiary_id = ? and buyer_id = ? and created_at >= ?)")
                .params(buyer.value(), beneficiary.value(), since()).query(Boolean.class).single();
        if (mutual) {
            flags.add(new Flag("MUTUAL_EARNING", "买家与获佣会员互相从对方的购买中获佣"));
        }
        long[] refunds = jdbc.sql("""
                        select count(*), count(*) filter (where cancelled_fen + clawed_back_fen > 0) from commission
                        where beneficiary_id = ? and created_at >= ?""")
                .params(beneficiary.value(), since()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (refunds[1] >= 3 && refunds[1] * 2 >= refunds[0]) {
            flags.add(new Flag("REFUND_PATTERN", "近 30 天 " + refunds[0] + " 笔佣金中 " + refunds[1] + " 笔因退款取消或扣回"));
        }
        return flags;
    }

    private OffsetDateTime since() {
        return clock.instant().atOffset(ZoneOffset.UTC).minus(LOOKBACK);
    }
}
