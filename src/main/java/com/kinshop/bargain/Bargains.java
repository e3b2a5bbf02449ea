package com.kinshop.bargain;

import com.kinshop.identity.AccountId;
import com.kinshop.identity.AccountView;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.kinshop.bargain.BargainMoves.utc;

/**
 * Starting a bargain and reading bargains. The whole schedule of cuts is drawn when it starts ({@link CutSchedule})
 * and stored, so every later cut is only "take the next one"; with the policy on, the starter takes the first at once.
 * The member's bargain number in the campaign is unique, so two starts at once never pass the per-member limit.
 */
@Service
public class Bargains {

    private final JdbcClient jdbc;
    private final BargainCampaigns campaigns;
    private final NextCut nextCut;
    private final BargainPolicy policy;
    private final Accounts accounts;
    private final Clock clock;

    Bargains(JdbcClient jdbc, BargainCampaigns campaigns, NextCut nextCut, BargainPolicy policy, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.nextCut = nextCut;
        this.policy = policy;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public BargainView start(AccountId member, long campaignId) {
        BargainCampaign campaign = campaigns.find(campaignId)
                .orElseThrow(() -> BusinessException.invalid("campaignId", "bargain.campaign.not-found"));
        switch (campaign.phase()) {
            case RUNNING -> { }
            case UPCOMING -> throw BusinessException.conflict("campaignId", "bargain.start.not-started");
            case SOLD_OUT -> throw BusinessException.conflict("campaignId", "bargain.start.sold-out");
            default -> throw BusinessException.conflict("campaignId", "bargain.start.not-running");
        }
        Instant now = clock.instant();
        int already = jdbc.sql("select count(*) from bargain where campaign_id = ? and starter_id = ?").params(campaignId, member.value())
                .query(Integer.class).single();
        if (already >= campaign.perMemberLimit()) {
            throw BusinessException.conflict("campaignId", "bargain.start.limit", campaign.perMemberLimit());
        }
        long[] schedule = new CutSchedule(campaign.saving().fen(), policy.cuts(campaign.helpersNeeded())).draw(ThreadLocalRandom.current());
        Instant deadline = now.plus(Duration.parse(campaign.timeLimit()));
        Instant expiresAt = deadline.isBefore(campaign.endsAt()) ? deadline : campaign.endsAt();
        long id;
        try {
            id = jdbc.sql("""
                            insert into bargain (campaign_id, starter_id, seq, normal_fen, floor_fen, current_fen, cuts_total, status, expires_at, started_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(campaignId, member.value(), already + 1, campaign.normalPrice().fen(), campaign.floorPrice().fen(),
                            campaign.normalPrice().fen(), schedule.length, BargainStatus.IN_PROGRESS.name(), utc(expiresAt), utc(now))
                    .query(Long.class).single();
        } catch (DuplicateKeyException sameMemberAtOnce) {
            throw BusinessException.conflict("campaignId", "bargain.start.limit", campaign.perMemberLimit());
        }
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < schedule.length; i++) {
            rows.addAll(List.of(id, i + 1, schedule[i]));
        }
        jdbc.sql("insert into bargain_cut (bargain_id, idx, amount_fen) values " + String.join(", ", Collections.nCopies(schedule.length, "(?, ?, ?)")))
                .params(rows).update();
        if (policy.starterCutsFirst()) {
            nextCut.take(id, 0, schedule.length, member, now);
        }
        return view(id, member);
    }

    /** The bargain as anyone with its link sees it; {@code viewer} (may be null) is told whether it is theirs and whether they helped. */
    public BargainView view(long bargainId, AccountId viewer) {
        record Row(long id, long campaignId, long starter, long normal, long floor, long current, int total, int taken, BargainStatus status,
                   Instant startedAt, Instant expiresAt, String checkout, String order) {
        }
        Row row = jdbc.sql("""
                        select id, campaign_id, starter_id, normal_fen, floor_fen, current_fen, cuts_total, cuts_taken, status, started_at, expires_at,
                               checkout_number, order_number from bargain where id = ?""")
                .param(bargainId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getInt(7),
                        rs.getInt(8), BargainStatus.valueOf(rs.getString(9)), rs.getObject(10, OffsetDateTime.class).toInstant(),
                        rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getString(12), rs.getString(13)))
                .optional().orElseThrow(() -> BusinessException.notFound("bargain.not-found"));
        BargainCampaign campaign = campaigns.get(row.campaignId());
        Map<Long, BargainView.Person> people = new HashMap<>();
        List<BargainView.Cut> cuts = jdbc.sql("select idx, helper_id, amount_fen, helped_at from bargain_cut where bargain_id = ? and helper_id is not null order by idx")
                .param(bargainId)
                .query((rs, n) -> new BargainView.Cut(rs.getInt(1), person(rs.getLong(2), people), rs.getLong(2) == row.starter(),
                        Money.fen(rs.getLong(3)), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
        Instant now = clock.instant();
        BargainStatus status = BargainStatus.BUYABLE.contains(row.status()) && !now.isBefore(row.expiresAt()) ? BargainStatus.EXPIRED : row.status();
        boolean mine = viewer != null && viewer.value() == row.starter();
        boolean helped = viewer != null && !mine && cuts.stream().anyMatch(cut -> !cut.byStarter()) && jdbc.sql(
                "select exists (select 1 from bargain_cut where bargain_id = ? and helper_id = ?)").params(bargainId, viewer.value()).query(Boolean.class).single();
        int friendHelps = (int) cuts.stream().filter(cut -> !cut.byStarter()).count();
        long gap = row.normal() - row.floor();
        return new BargainView(row.id(), row.campaignId(), campaign.productName(), campaign.spec(), campaign.imageUrl(), person(row.starter(), people),
                Money.fen(row.normal()), Money.fen(row.floor()), Money.fen(row.current()), campaign.helpersNeeded(), friendHelps, row.total() - row.taken(),
                (int) ((row.normal() - row.current()) * 100 / gap), cuts, status, row.startedAt(), row.expiresAt(),
                Math.max(0, Duration.between(now, row.expiresAt()).getSeconds()), mine, helped, campaign.newMembersOnly(),
                mine ? row.checkout() : null, mine ? row.order() : null);
    }

    /** The member's bargains, newest first. */
    public List<BargainView> mine(AccountId member) {
        return jdbc.sql("select id from bargain where starter_id = ? order by id desc limit 50").param(member.value()).query(Long.class).list()
                .stream().map(id -> view(id, member)).toList();
    }

    private BargainView.Person person(long accountId, Map<Long, BargainView.Person> known) {
        return known.computeIfAbsent(accountId, id -> {
            AccountView account = accounts.get(new AccountId(id));
            return BargainView.Person.of(account.nickname(), account.avatarUrl());
        });
    }
}
