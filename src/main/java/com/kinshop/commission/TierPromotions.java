package com.kinshop.commission;

import com.kinshop.identity.AccountId;
import com.kinshop.referral.Teams;
import com.kinshop.referral.Tiers;
import com.kinshop.shared.Money;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Promotes members by what they sell, never by whom they recruit: own sales through their shop, direct invitees who
 * actually bought (a recruit who buys nothing counts for nothing), and their level-2 team's purchases, each over the
 * tier's period, completed orders only, net of refunds (own sales from {@link MemberSales}, by whole days). Evaluated when an order completes and nightly for everyone.
 * Demotion is never automatic (the operator may move a member down).
 */
@Component
class TierPromotions {

    private static final Logger log = LoggerFactory.getLogger(TierPromotions.class);
    private static final int NIGHTLY_BATCH = 500;

    private final JdbcClient jdbc;
    private final Tiers tiers;
    private final Teams teams;
    private final MemberSales sales;
    private final Clock clock;

    TierPromotions(JdbcClient jdbc, Tiers tiers, Teams teams, MemberSales sales, Clock clock) {
        this.jdbc = jdbc;
        this.tiers = tiers;
        this.teams = teams;
        this.sales = sales;
        this.clock = clock;
    }

    /**
     * A member's figures over a tier's period, each read only when a tier asks for it: most checks end at the first
     * threshold not met, and a zero threshold reads nothing.
     */
    interface Figures {
        Money ownSales(int periodDays);

        /** Direct invitees who bought, counted up to {@code atLeast} (enough to know whether the threshold is met). */
        int buyingInvitees(int periodDays, int atLeast);

        /** Level-2 team sales, summed only until they reach {@code atLeast} (enough to know whether the threshold is met). */
        Money teamSales(int periodDays, Money atLeast);
    }

    /** The highest tier whose thresholds are all met, or the current one if higher (no automatic demotion). */
    static Tiers.Tier deserved(List<Tiers.Tier> tiersByRank, Tiers.Tier current, Figures figures) {
        Tiers.Tier best = current;
        for (Tiers.Tier tier : tiersByRank) {
            if (tier.rank() <= best.rank()) {
                continue;
            }
            int days = tier.periodDays();
            boolean met = (!tier.minOwnSales().isPositive() || figures.ownSales(days).compareTo(tier.minOwnSales()) >= 0)
                    && (tier.minDirectInvitees() <= 0 || figures.buyingInvitees(days, tier.minDirectInvitees()) >= tier.minDirectInvitees())
                    && (!tier.minTeamSales().isPositive() || figures.teamSales(days, tier.minTeamSales()).compareTo(tier.minTeamSales()) >= 0);
            if (met) {
                best = tier;
            }
        }
        return best;
    }

    /** After an order's commissions settled: its beneficiaries, whose own, invitee or team figures it just raised. */
    @ApplicationModuleListener
    void on(CommissionEvents.Settled settled) {
        evaluate(settled.shares().stream().map(share -> new AccountId(share.memberId())).distinct().toList());
    }

    /** Once per cluster: the lock is kept {@code nightly-lock-at-least} after the start, longer than the nodes' clocks differ. */
    @Scheduled(cron = "${kinshop.commission.tier-cron:0 30 2 * * *}", zone = "${kinshop.time-zone}")
    @SchedulerLock(name = "commission-tier-promotions", lockAtMostFor = "PT2H", lockAtLeastFor = "${kinshop.jobs.nightly-lock-at-least:PT5M}")
    void nightly() {
        List<AccountId> owners = jdbc.sql("select owner_account_id from shop order by owner_account_id").query(Long.class).list().stream()
                .map(AccountId::new).toList();
        for (int from = 0; from < owners.size(); from += NIGHTLY_BATCH) {
            evaluate(owners.subList(from, Math.min(owners.size(), from + NIGHTLY_BATCH)));
        }
        log.info("Nightly tier review: {} shop owners evaluated", owners.size());
    }

    /** The tiers and the members' current ones are read once for the batch; each member's figures only as far as a tier needs them. */
    void evaluate(List<AccountId> members) {
        List<Tiers.Tier> tiersByRank = tiers.all();
        tiers.of(members, tiersByRank).forEach((member, current) -> {
            Tiers.Tier deserved = deserved(tiersByRank, current, new Read(member));
            if (deserved.rank() > current.rank()) {
                tiers.assign(member, deserved.code());
                log.info("Member {} promoted to {}", member.value(), deserved.code());
            }
        });
    }

    /** The figures of one member, read from the database on first use and kept for the evaluation (tiers share a period). */
    private final class Read implements Figures {
        private final AccountId member;
        private final Map<Integer, Money> own = new HashMap<>();
        private final Map<Integer, int[]> buying = new HashMap<>(); // period → {counted up to, count}
        private final Map<Integer, Money[]> team = new HashMap<>(); // period → {summed up to, sum}

        Read(AccountId member) {
            this.member = member;
        }

        private Instant since(int days) {
            return clock.instant().minus(Duration.ofDays(days));
        }

        @Override
        public Money ownSales(int days) {
            return own.computeIfAbsent(days, d -> sales.since(member, d));
        }

        @Override
        public int buyingInvitees(int days, int atLeast) {
            int[] known = buying.get(days);
            if (known == null || (known[1] >= known[0] && known[0] < atLeast)) { // a capped count is a floor: read again for a higher cap
                known = new int[] {atLeast, teams.buyingInvitees(member, since(days), atLeast)};
                buying.put(days, known);
            }
            return known[1];
        }

        @Override
        public Money teamSales(int days, Money atLeast) {
            Money[] known = team.get(days);
            if (known == null || (known[1].compareTo(known[0]) >= 0 && known[0].compareTo(atLeast) < 0)) { // a capped sum is a floor: read again for a higher cap
                known = new Money[] {atLeast, teams.level2Sales(member, since(days), atLeast)};
                team.put(days, known);
            }
            return known[1];
        }
    }
}
