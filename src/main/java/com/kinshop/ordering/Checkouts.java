package com.kinshop.ordering;

import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.Stock;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.BusinessNumbers;
import com.kinshop.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the cart, one SKU bought now, or a play's promotion into orders awaiting payment: one per supplier, priced by
 * {@link CheckoutOffers} (catalog or promotion price, the participants' discounts), the address copied, each line's
 * units reserved, each participant's reservation made. All of it is one transaction: if any unit or reservation
 * fails, nothing is created and nothing stays reserved. What happens next is {@link OrderLifecycle}'s.
 */
@Service
public class Checkouts {

    private final Cart cart;
    private final Addresses addresses;
    private final Stock stock;
    private final CheckoutOffers offers;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final OrderProperties properties;

    Checkouts(Cart cart, Addresses addresses, Stock stock, CheckoutOffers offers, JdbcClient jdbc, Clock clock, OrderProperties properties) {
        this.cart = cart;
        this.addresses = addresses;
        this.stock = stock;
        this.offers = offers;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    public record Placed(String checkoutNumber, Money payable, List<String> orderNumbers) {
    }

    /**
     * A play's own checkout (group price, flash price): one SKU at {@code unitPrice}, orders of {@code kind} carrying
     * {@code promotionRef}, to be paid within {@code payWithin} (null: the usual timeout). The play calls this inside its
     * own transaction, so its seat or quota and the order are taken together or not at all. {@code unitsSetAside}: the
     * play reserved the units itself beforehand (a flash sale sets its quantity aside at approval), so checkout reserves
     * none for the line and a cancellation releases none (the play takes the unit back through
     * {@link CheckoutParticipant#release}); paying still sells it.
     */
    public record PromotionOrder(AccountId buyer, Addresses.AddressId address, SkuId sku, int quantity, String shopCode, Money unitPrice,
                                 OrderKind kind, String promotionRef, Duration payWithin, boolean unitsSetAside) {

        public PromotionOrder {
            if (kind == null || kind == OrderKind.NORMAL || promotionRef == null || promotionRef.isBlank() || unitPrice == null) {
                throw new IllegalArgumentException("A promotion order names its kind, its promotion and its price");
            }
        }

        /** A play that takes its units from stock at checkout, like any order. */
        public PromotionOrder(AccountId buyer, Addresses.AddressId address, SkuId sku, int quantity, String shopCode, Money unitPrice,
                              OrderKind kind, String promotionRef, Duration payWithin) {
            this(buyer, address, sku, quantity, shopCode, unitPrice, kind, promotionRef, payWithin, false);
        }
    }

    @Transactional
    public Placed checkOut(AccountId buyer, Addresses.AddressId addressId, CheckoutParticipant.Selection selection) {
        // one checkout per buyer at a time: a second one (another key, another tab) finds the cart already emptied
        jdbc.sql("select id from account where id = ? for update").param(buyer.value()).query(Long.class).single();
        return place(buyer, addressId, cart.view(buyer), true, OrderKind.NORMAL, null, null, false, selection);
    }

    /** "Buy now" (立即购买): one SKU straight to orders; the cart is neither read nor changed. */
    @Transactional
    public Placed buyNow(AccountId buyer, Addresses.AddressId addressId, SkuId sku, int quantity, String shopCode,
                         CheckoutParticipant.Selection selection) {
        return place(buyer, addressId, cart.buyNow(sku, quantity, shopCode), false, OrderKind.NORMAL, null, null, false, selection);
    }

    @Transactional
    public Placed promotionCheckout(PromotionOrder order) {
        return place(order.buyer(), order.address(), cart.promotion(order.sku(), order.quantity(), order.shopCode(), order.unitPrice()), false,
                order.kind(), order.promotionRef(), order.payWithin(), order.unitsSetAside(), CheckoutParticipant.Selection.AUTOMATIC);
    }

    /** What a checkout of the cart (or of one SKU) would cost with the buyer's choice of discounts, and the other choices. */
    public CheckoutOffers.Preview preview(AccountId buyer, Cart.View view, CheckoutParticipant.Selection selection) {
        return offers.preview(buyer, view, OrderKind.NORMAL, null, selection);
    }

    private Placed place(AccountId buyer, Addresses.AddressId addressId, Cart.View view, boolean fromCart, OrderKind kind, String promotionRef,
                         Duration payWithin, boolean unitsSetAside, CheckoutParticipant.Selection selection) {
        Addresses.Address address = addresses.toDeliverTo(buyer, addressId);
        if (view.items().isEmpty()) {
            throw BusinessException.invalid(null, "checkout.cart-empty");
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        OffsetDateTime payDeadline = now.plus(payWithin == null ? properties.paymentTimeout() : payWithin);
        CheckoutOffers.Preview preview = offers.preview(buyer, view, kind, promotionRef, selection);
        CheckoutPricing.Quote quote = preview.quote();
        if (!unitsSetAside) { // a play that set its units aside already holds them
            // all units first, in SKU order: two checkouts over the same SKUs lock them in the same order
            quote.orders().stream().flatMap(order -> order.lines().stream()).map(CheckoutPricing.PricedLine::line)
                    .sorted(Comparator.comparingLong(line -> line.sku().value()))
                    .forEach(line -> stock.reserve(line.sku(), line.quantity()));
        }
        String checkoutNumber = BusinessNumbers.next(jdbc, "C", now.toInstant(), clock.getZone());
        long checkout = jdbc.sql("insert into checkout (number, buyer_id, payable_fen, created_at) values (?, ?, ?, ?) returning id")
                .params(checkoutNumber, buyer.value(), quote.payable().fen(), now).query(Long.class).single();
        List<String> orders = new ArrayList<>();
        for (CheckoutPricing.SupplierOrder supplierOrder : quote.orders()) {
            String number = BusinessNumbers.next(jdbc, "K", now.toInstant(), clock.getZone());
            // the order and its discounts in one statement (one round trip fewer for a discounted checkout)
            List<CheckoutParticipant.Applied> discounts = preview.appliedTo(supplierOrder.supplier());
            List<Object> params = new ArrayList<>(List.of(number, checkout, buyer.value(), supplierOrder.supplier().value(),
                    OrderStatus.AWAITING_PAYMENT.name(), supplierOrder.goods().fen(), supplierOrder.discount().fen(), supplierOrder.shipping().fen(),
                    supplierOrder.total().fen(), address.receiver(), address.phone(), address.region() + " " + address.detail(), now, payDeadline,
                    kind.name()));
            params.add(promotionRef);
            discounts.forEach(discount -> params.addAll(List.of(discount.ref(), discount.label(), discount.funder().name(), discount.amount().fen())));
            long order = jdbc.sql("""
                            with o as (insert into orders (number, checkout_id, buyer_id, supplier_id, status, goods_fen, discount_fen, shipping_fen, total_fen,
                                                           receiver, phone, address, created_at, pay_deadline, kind, promotion_ref)
                                       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id)"""
                            + (discounts.isEmpty() ? "" : ", d as (insert into order_discount (order_id, ref, label, funder, amount_fen)"
                            + " select o.id, v.ref, v.label, v.funder, v.amount from o, (values "
                            + String.join(", ", java.util.Collections.nCopies(discounts.size(), "(?, ?, ?, ?::bigint)"))
                            + ") as v (ref, label, funder, amount))")
                            + " select id from o")
                    .params(params).query(Long.class).single();
            for (CheckoutPricing.PricedLine priced : supplierOrder.lines()) {
                CheckoutPricing.Line line = priced.line();
                jdbc.sql("""
                                insert into order_line (order_id, sku_id, product_id, product_name, spec, unit_price_fen, quantity, paid_fen, discount_fen,
                                                        platform_discount_fen, supplier_discount_fen, commission_budget_fen, shop_code, supply_price_fen,
                                                        units_set_aside)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(order, line.sku().value(), line.product().value(), line.productName(), line.spec(), priced.unitPrice().fen(),
                                line.quantity(), priced.paid().fen(), priced.discount().fen(), priced.platformDiscount().fen(),
                                priced.supplierDiscount().fen(), priced.commissionBudget().fen(), view.item(line.sku()).shopCode(),
                                view.item(line.sku()).facts().supplyPrice().fen(), unitsSetAside)
                        .update();
                if (fromCart) {
                    cart.remove(buyer, line.sku());
                }
            }
            offers.reserve(preview, new CheckoutParticipant.Placed(order, number, buyer, supplierOrder.supplier(), kind, promotionRef, List.of(),
                    payDeadline.toInstant()));
            orders.add(number);
        }
        return new Placed(checkoutNumber, quote.payable(), orders);
    }
}
