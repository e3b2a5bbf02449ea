package com.kinshop.redpacket;

import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.kinshop.identity.AccountId;
import com.kinshop.identity.Accounts;
import com.kinshop.shared.DemoDataSeeder;
import com.kinshop.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * After the demo orders have made the demo suppliers owed money: the first demo supplier with enough payable runs a
 * red-packet campaign that three demo members have claimed from, and had one that ended and was settled. The ended
 * one had no claims: its packets' coupons would otherwise stay valid past a backdated end. With
 * {@code kinshop.demo.member-coupons=false} (the tests) the demo members claim nothing: a packet would discount their
 * checkouts left to the server.
 */
@Component
@Order(60)
class RedPacketDemoData implements DemoDataSeeder {

    private static final List<String> STAFF = List.of("13900000001", "13900000002");
    private static final List<String> CLAIMERS = List.of("13800000004", "13800000005", "13800000002");
    private static final long RUNNING_BUDGET_FEN = 5_000;
    private static final long ENDED_BUDGET_FEN = 2_000;

    private final RedPacketCampaigns campaigns;
    private final RedPacketClaims claims;
    private final RedPacketTimers timers;
    private final Accounts accounts;
    private final Suppliers suppliers;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean memberClaims;

    RedPacketDemoData(RedPacketCampaigns campaigns, RedPacketClaims claims, RedPacketTimers timers, Accounts accounts, Suppliers suppliers,
                      JdbcClient jdbc, Clock clock, @Value("${kinshop.demo.member-coupons:true}") boolean memberClaims) {
        this.memberClaims = memberClaims;
        this.campaigns = campaigns;
        this.claims = claims;
        this.timers = timers;
        this.accounts = accounts;
        this.suppliers = suppliers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void seed() {
        if (jdbc.sql("select exists (select 1 from red_packet_campaign)").query(Boolean.class).single()) {
            return;
        }
        for (String phone : STAFF) {
            Optional<AccountId> staff = accounts.findByPhone(phone).map(account -> account.id());
            Optional<SupplierId> supplier = staff.flatMap(suppliers::supplierOf);
            if (supplier.isPresent() && campaigns.available(supplier.get()).fen() >= RUNNING_BUDGET_FEN + ENDED_BUDGET_FEN) {
                seed(supplier.get(), staff.get());
                return;
            }
        }
    }

    private void seed(SupplierId supplier, AccountId staff) {
        Instant now = clock.instant();
        Campaign ended = campaigns.create(supplier, staff, new CampaignForm("开业红包", ENDED_BUDGET_FEN, 100L, 300L,
                now.minusSeconds(60), now.plus(Duration.ofHours(2)), 1));
        // its whole window moved into the past, then the timers end it (the budget returns) and settle it
        Duration back = Duration.ofDays(3);
        jdbc.sql("update red_packet_campaign set starts_at = ?, ends_at = ?, created_at = ? where id = ?")
                .params(RedPacketCampaigns.utc(ended.startsAt().minus(back)), RedPacketCampaigns.utc(ended.endsAt().minus(back)),
                        RedPacketCampaigns.utc(now.minus(back)), ended.id()).update();
        Campaign running = campaigns.create(supplier, staff, new CampaignForm("双十二红包雨", RUNNING_BUDGET_FEN, 50L, 500L,
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(6)), 1));
        for (String phone : memberClaims ? CLAIMERS : List.<String>of()) {
            accounts.findByPhone(phone).ifPresent(member -> claims.claim(running.id(), member.id()));
        }
        timers.runDue();
        Money held = Money.fen(jdbc.sql("select remaining_fen from red_packet_campaign where id = ?").param(running.id()).query(Long.class).single());
        org.slf4j.LoggerFactory.getLogger(RedPacketDemoData.class).info("Demo red packets: campaign {} running ({} left), campaign {} settled",
                running.id(), held, ended.id());
    }
}
