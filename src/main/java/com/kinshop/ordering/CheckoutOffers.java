package com.kinshop.ordering;

import com.kinshop.catalog.SupplierId;
import com.kinshop.identity.AccountId;
import com.kinshop.ordering.CheckoutParticipant.Applied;
import com.kinshop.ordering.CheckoutParticipant.Option;
import com.kinshop.ordering.pricing.Discount;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Talks to the {@link CheckoutParticipant}s: asks each for its discounts on a draft and prices the checkout with them
 * through the pipeline, records each order's discounts ({@code order_discount}) and lets the participants reserve what
 * they gave; and, when an unpaid order is cancelled, tells them to release it.
 */
@Component
public class CheckoutOffers {

    private final ObjectProvider<CheckoutParticipant> provider;
    private volatile List<CheckoutParticipant> participants;
    private final JdbcClient jdbc;
    private final Clock clock;

    CheckoutOffers(ObjectProvider<CheckoutParticipant> participants, JdbcClient jdbc, Clock clock) {
        this.provider = participants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The participants, looked up once (singletons; resolving them by type on every checkout cost more than pricing). */
    private List<CheckoutParticipant> participants() {
        List<CheckoutParticipant> found = participants;
        if (found == null) {
            found = provider.orderedStream().toList();
            participants = found;
        }
        return found;
    }

    /** A checkout priced with the discounts applied, the choices the buyer has, and who gave each discount. */
    public static final class Preview {

        private final CheckoutPricing.Quote quote;
        private final List<Applied> applied;
        private final List<Option> options;
        private final Map<Applied, CheckoutParticipant> givers;

        Preview(CheckoutPricing.Quote quote, List<Applied> applied, List<Option> options, Map<Applied, CheckoutParticipant> givers) {
            this.quote = quote;
            this.applied = List.copyOf(applied);
            this.options = List.copyOf(options);
            this.givers = givers;
        }

        public CheckoutPricing.Quote quote() {
            return quote;
        }

        public List<Applied> applied() {
            return applied;
        }

        public List<Option> options() {
            return options;
        }

        public List<Applied> appliedTo(SupplierId supplier) {
            return applied.stream().filter(discount -> discount.supplier().equals(supplier)).toList();
        }
    }

    Preview preview(AccountId buyer, Cart.View view, OrderKind kind, String promotionRef, CheckoutParticipant.Selection selection) {
        if (view.items().isEmpty()) {
            return new Preview(view.quote(), List.of(), List.of(), Map.of());
        }
        CheckoutParticipant.Draft draft = new CheckoutParticipant.Draft(buyer, kind, promotionRef, view.quote().orders().stream()
                .map(order -> new CheckoutParticipant.DraftOrder(order.supplier(), order.lines().stream()
                        .map(line -> new CheckoutParticipant.DraftLine(line.line().sku(), line.line().product(), line.unitPrice(), line.line().quantity()))
                        .toList()))
                .toList(), selection, clock.instant());
        List<Applied> applied = new ArrayList<>();
        List<Option> options = new ArrayList<>();
        Map<Applied, CheckoutParticipant> givers = new IdentityHashMap<>();
        participants().forEach(participant -> {
            CheckoutParticipant.Offers offers = participant.offer(draft);
            offers.applied().forEach(discount -> {
                requireWithin(draft, discount);
                applied.add(discount);
                givers.put(discount, participant);
            });
            options.addAll(offers.options());
        });
        if (applied.isEmpty()) {
            return new Preview(view.quote(), List.of(), options, Map.of());
        }
        List<CheckoutPricing.Line> lines = view.quote().orders().stream().flatMap(order -> order.lines().stream())
                .map(CheckoutPricing.PricedLine::line).toList();
        List<Discount> discounts = applied.stream().map(Applied::discount).toList();
        return new Preview(CheckoutPricing.price(lines, discounts, view.shippingRules()), applied, options, givers);
    }

    /** A discount must name lines of the one supplier order it is applied to: a participant cannot spread one over two orders. */
    private static void requireWithin(CheckoutParticipant.Draft draft, Applied discount) {
        Set<Object> skus = new HashSet<>();
        draft.orders().stream().filter(order -> order.supplier().equals(discount.supplier()))
                .forEach(order -> order.lines().forEach(line -> skus.add(line.sku())));
        if (!skus.containsAll(discount.discount().scope())) {
            throw new IllegalStateException("Discount " + discount.ref() + " names lines outside supplier order " + discount.supplier());
        }
    }

    /** Lets every participant reserve what it gave the order, in the checkout's transaction. */
    void reserve(Preview preview, CheckoutParticipant.Placed order) {
        List<Applied> onOrder = preview.appliedTo(order.supplier()); // recorded with the order itself (Checkouts)
        participants().forEach(participant -> participant.reserve(new CheckoutParticipant.Placed(order.orderId(), order.orderNumber(),
                order.buyer(), order.supplier(), order.kind(), order.promotionRef(),
                onOrder.stream().filter(discount -> preview.givers.get(discount) == participant).map(Applied::ref).toList(), order.payDeadline())));
    }

    /** Called by the transaction that cancelled an unpaid order; every participant hears once, with all the order's discount refs. */
    void release(OrderMoves.Moved order, OrderEvents.CancelReason reason) {
        List<String> refs = jdbc.sql("select ref from order_discount where order_id = ? order by id").param(order.id()).query(String.class).list();
        CheckoutParticipant.Released released = new CheckoutParticipant.Released(order.id(), order.number(), order.buyer(), order.kind(),
                order.promotionRef(), refs, reason);
        participants().forEach(participant -> participant.release(released));
    }
}
