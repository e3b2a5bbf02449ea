package com.kinshop.flashsale;

import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;

/** A member's claims as they see them (someone else's claim is simply not found). */
@Service
public class FlashClaimReads {

    private final JdbcClient jdbc;

    FlashClaimReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public FlashClaim claim(AccountId member, long claimId) {
        return claim(jdbc, member, claimId);
    }

    /** The member's claims in a session, newest first (the session page shows where each stands). */
    public java.util.List<FlashClaim> inSale(AccountId member, long saleId) {
        return jdbc.sql("select id from flash_claim where member_id = ? and sale_id = ? order by id desc limit 10").params(member.value(), saleId)
                .query(Long.class).list().stream().map(id -> claim(jdbc, member, id)).toList();
    }

    static FlashClaim claim(JdbcClient jdbc, AccountId member, long claimId) {
        return jdbc.sql("""
                        select id, status, sale_id, sku_id, checkout_number, order_number, pay_before, failure
                        from flash_claim where id = ? and member_id = ?""")
                .params(claimId, member.value())
                .query((rs, n) -> {
                    OffsetDateTime payBefore = rs.getObject(7, OffsetDateTime.class);
                    return new FlashClaim(rs.getLong(1), ClaimStatus.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getString(5),
                            FlashClaimWriter.orderNumbers(rs.getString(6)), payBefore == null ? null : payBefore.toInstant(), rs.getString(8));
                })
                .optional().orElseThrow(() -> BusinessException.notFound("flash.claim.not-found"));
    }
}
