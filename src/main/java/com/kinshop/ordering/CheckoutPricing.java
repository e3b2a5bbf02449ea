package com.kinshop.ordering;

import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.ShippingRule;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Prices a checkout from catalog prices only (never from what the client sent): one order per supplier (drop-ship),
 * each with its goods, its supplier's shipping fee and its total, plus each line's commission budget as paid. Plain
 * Java, so every rounding rule is testable without Spring. Discounts (coupons) will apply to line amounts before
 * shipping and commission are computed.
 */
public final class CheckoutPricing {

    public static final int MAX_QUANTITY = 999;

    private CheckoutPricing() {
    }

    /** One cart line with the catalog's current facts about its SKU. */
    public record Line(SkuId sku, ProductId product, SupplierId supplier, String productName, String spec, Money unitPrice, int quantity,
                       CommissionBudget budget) {

        public Line {
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException("Quantity out of range: " + quantity);
            }
            if (!unitPrice.isPositive()) {
                throw new IllegalArgumentException("Price must be positive for SKU " + sku);
            }
        }
    }

    /** A priced line: what the buyer pays for it, and the commission budget that payment carries. */
    public record PricedLine(Line line, Money amount, Money commissionBudget) {
    }

    public record SupplierOrder(SupplierId supplier, List<PricedLine> lines, Money goods, Money shipping) {

        public Money total() {
            return goods.plus(shipping);
        }
    }

    public record Quote(List<SupplierOrder> orders) {

        public Money goods() {
            return orders.stream().map(SupplierOrder::goods).reduce(Money.ZERO, Money::plus);
        }

        public Money shipping() {
            return orders.stream().map(SupplierOrder::shipping).reduce(Money.ZERO, Money::plus);
        }

        /** What one payment collects for all the orders of this checkout. */
        public Money payable() {
            return goods().plus(shipping());
        }
    }

    public static Quote price(List<Line> lines, Function<SupplierId, ShippingRule> shippingRules) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("Nothing to check out");
        }
        Map<SupplierId, List<PricedLine>> bySupplier = new LinkedHashMap<>();
        for (Line line : lines) {
            Money amount = line.unitPrice().times(line.quantity());
            bySupplier.computeIfAbsent(line.supplier(), s -> new ArrayList<>()).add(new PricedLine(line, amount, budgetFor(line, amount)));
        }
        List<SupplierOrder> orders = new ArrayList<>();
        bySupplier.forEach((supplier, priced) -> {
            Money goods = priced.stream().map(PricedLine::amount).reduce(Money.ZERO, Money::plus);
            orders.add(new SupplierOrder(supplier, List.copyOf(priced), goods, shippingRules.apply(supplier).feeFor(goods)));
        });
        return new Quote(List.copyOf(orders));
    }

    /** A rate applies to the whole line amount (one rounding, down); a fixed budget is per unit. */
    private static Money budgetFor(Line line, Money amount) {
        return line.budget().kind() == CommissionBudget.Kind.RATE
                ? amount.shareAt((int) line.budget().value())
                : Money.fen(line.budget().value()).times(line.quantity());
    }
}
