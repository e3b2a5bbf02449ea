package com.kinshop.bargain;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Helping (帮TA砍一刀). The bargain's row is locked first, so helps of one bargain queue up and each reads the cuts
 * really taken: the next cut of the schedule is taken by a guarded update (still in progress, still at that count,
 * before the deadline), and the helper is written on that cut, where the database allows each friend once per
 * bargain. Two helps of one friend at once count once; helps of different friends each take a different next cut,
 * never beyond the last.
 */
@Service
public class BargainHelps {

    /** A cut taken: how much it took and where the price is now. */
    @Schema(name = "BargainHelp")
    public record Helped(long bargainId, @Schema(description = "The cut's number in the schedule (the starter's own first cut is 1)") int cutIndex,
                         Money cut, Money currentPrice, @Schema(description = "This cut landed on the floor") boolean atFloor,
                         @Schema(description = "Cuts still to come before the floor") int cutsLeft) {
    }

    private final JdbcClient jdbc;
    private final NextCut nextCut;
    private final Accounts accounts;
    private final Clock clock;

    BargainHelps(JdbcClient jdbc, NextCut nextCut, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.nextCut = nextCut;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Helped help(long bargainId, AccountId helper) {
        record Locked(long starter, BargainStatus status, int taken, int total, Instant startedAt, Instant expiresAt, boolean newMembersOnly) {
        }
        Locked bargain = jdbc.sql("""
                        select b.starter_id, b.status, b.cuts_taken, b.cuts_total, b.started_at, b.expires_at,
                               (select k.new_members_only from bargain_campaign k where k.id = b.campaign_id)
                        from bargain b where b.id = ? for update""")
                .param(bargainId)
                .query((rs, n) -> new Locked(rs.getLong(1), BargainStatus.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getBoolean(7)))
                .optional().orElseThrow(() -> BusinessException.notFound("bargain.not-found"));
        Instant now = clock.instant();
        if (bargain.starter() == helper.value()) {
            throw BusinessException.conflict("bargainId", "bargain.help.self");
        }
        switch (bargain.status()) {
            case AT_FLOOR -> throw BusinessException.conflict("bargainId", "bargain.help.at-floor");
            case ORDERED, BOUGHT -> throw BusinessException.conflict("bargainId", "bargain.help.bought");
            case EXPIRED -> throw BusinessException.conflict("bargainId", "bargain.help.expired");
            case IN_PROGRESS -> { }
        }
        if (!now.isBefore(bargain.expiresAt())) {
            throw BusinessException.conflict("bargainId", "bargain.help.expired");
        }
        if (jdbc.sql("select exists (select 1 from bargain_cut where bargain_id = ? and helper_id = ?)").params(bargainId, helper.value())
                .query(Boolean.class).single()) {
            throw BusinessException.conflict("bargainId", "bargain.help.twice");
        }
        if (bargain.newMembersOnly() && accounts.get(helper).createdAt().isBefore(bargain.startedAt())) {
            throw new BusinessException(HttpStatus.FORBIDDEN, "bargain.help.new-members-only", "bargainId");
        }
        return nextCut.take(bargainId, bargain.taken(), bargain.total(), helper, now);
    }
}
