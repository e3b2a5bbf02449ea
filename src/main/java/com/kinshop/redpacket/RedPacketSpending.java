package com.kinshop.redpacket;

import com.kinshop.coupon.CouponEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * A red-packet coupon paid for an order: the whole packet leaves the hold for the supplier's payable (the order's
 * settlement then takes the discount off the payable, so the supplier pays for what was spent on goods; a packet
 * larger than what it could take off stays with the supplier). A repeated delivery finds the packet spent already
 * and changes nothing; the ledger key per packet would refuse a second posting anyway.
 */
@Component
class RedPacketSpending {

    private static final Logger log = LoggerFactory.getLogger(RedPacketSpending.class);

    private final JdbcClient jdbc;
    private final RedPacketMoves moves;
    private final RedPacketBooks books;
    private final Clock clock;

    RedPacketSpending(JdbcClient jdbc, RedPacketMoves moves, RedPacketBooks books, Clock clock) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.books = books;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CouponEvents.CouponUsed used) {
        if (used.source() == null || !used.source().startsWith(RedPacketClaims.SOURCE_PREFIX)) {
            return;
        }
        var claim = jdbc.sql("select id from red_packet_claim where coupon_id = ?").param(used.couponId()).query(Long.class).optional();
        if (claim.isEmpty()) {
            log.warn("Coupon {} from {} was used on order {} but no red packet became it", used.couponId(), used.source(), used.orderNumber());
            return;
        }
        moves.spend(claim.get(), used.orderNumber(), clock.instant())
                .ifPresent(packet -> books.packetSpent(packet.id(), packet.supplierId(), packet.amount(), used.orderNumber()));
    }
}
