package com.kinshop.bargain;

import com.kinshop.catalog.SkuId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.Addresses;
import com.kinshop.ordering.Checkouts;
import com.kinshop.ordering.OrderKind;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Buying a bargain at its current price (立即购买), any time before its deadline. In one transaction, under the
 * bargain's row lock: a campaign unit is reserved (never more than set aside), the order is placed through ordering's
 * promotion checkout (kind BARGAIN, ref {@code bargain:<id>}, catalog stock reserved, the shop code binding the buyer
 * as any share link does) and the bargain moves to ordered — all of it or none. {@link BargainOrders} follows the
 * order: paid → bought (the unit sold), cancelled unpaid → the bargain and the unit given back.
 */
@Service
public class BargainPurchases {

    static final String REF_PREFIX = "bargain:";

    @Schema(name = "BargainPurchase")
    public record Purchase(long bargainId, String checkoutNumber, List<String> orderNumbers, @Schema(description = "The bargain price charged") Money price,
                           @Schema(description = "What the checkout costs with shipping") Money payable) {
    }

    private final JdbcClient jdbc;
    private final BargainMoves moves;
    private final Checkouts checkouts;
    private final Clock clock;

    BargainPurchases(JdbcClient jdbc, BargainMoves moves, Checkouts checkouts, Clock clock) {
        this.jdbc = jdbc;
        this.moves = moves;
        this.checkouts = checkouts;
        this.clock = clock;
    }

    /**
     * {@code expectedPriceFen} (optional) is the price the starter saw: below the floor is refused as a bad input,
     * a different price (a friend cut it meanwhile) as a conflict, so nobody pays a price they did not see.
     */
    @Transactional
    public Purchase purchase(AccountId starter, long bargainId, Long addressId, String shopCode, Long expectedPriceFen) {
        record Locked(long campaignId, long starter, BargainStatus status, long current, long floor, Instant expiresAt, long sku) {
        }
        Locked bargain = jdbc.sql("""
                        select b.campaign_id, b.starter_id, b.status, b.current_fen, b.floor_fen, b.expires_at,
                               (select k.sku_id from bargain_campaign k where k.id = b.campaign_id)
                        from bargain b where b.id = ? for update""")
                .param(bargainId)
                .query((rs, n) -> new Locked(rs.getLong(1), rs.getLong(2), BargainStatus.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getLong(7)))
                .optional().filter(found -> found.starter() == starter.value())
                .orElseThrow(() -> BusinessException.notFound("bargain.not-found")); // another member's bargain is not theirs to buy
        if (addressId == null) {
            throw BusinessException.invalid("addressId", "bargain.buy.address-required");
        }
        if (expectedPriceFen != null && expectedPriceFen < bargain.floor()) {
            throw BusinessException.invalid("expectedPriceFen", "bargain.buy.below-floor", Money.fen(bargain.floor()).toPlainString());
        }
        Instant now = clock.instant();
        switch (bargain.status()) {
            case ORDERED -> throw BusinessException.conflict("bargainId", "bargain.buy.ordered");
            case BOUGHT -> throw BusinessException.conflict("bargainId", "bargain.buy.bought");
            case EXPIRED -> throw BusinessException.conflict("bargainId", "bargain.buy.expired");
            case IN_PROGRESS, AT_FLOOR -> { }
        }
        if (!now.isBefore(bargain.expiresAt())) {
            throw BusinessException.conflict("bargainId", "bargain.buy.expired");
        }
        if (expectedPriceFen != null && expectedPriceFen != bargain.current()) {
            throw BusinessException.conflict("expectedPriceFen", "bargain.buy.price-changed", Money.fen(bargain.current()).toPlainString());
        }
        if (!moves.reserveUnit(bargain.campaignId())) {
            throw BusinessException.conflict("bargainId", "bargain.buy.sold-out");
        }
        Money price = Money.fen(bargain.current());
        Checkouts.Placed placed = checkouts.promotionCheckout(new Checkouts.PromotionOrder(starter, new Addresses.AddressId(addressId),
                new SkuId(bargain.sku()), 1, shopCode, price, OrderKind.BARGAIN, REF_PREFIX + bargainId, null));
        if (!moves.order(bargainId, price.fen(), placed.checkoutNumber(), placed.orderNumbers().get(0), now)) {
            throw new IllegalStateException("Bargain " + bargainId + " could not be ordered under its own lock");
        }
        return new Purchase(bargainId, placed.checkoutNumber(), placed.orderNumbers(), price, placed.payable());
    }
}
