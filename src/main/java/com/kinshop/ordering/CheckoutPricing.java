package com.kinshop.ordering;

import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.ProductId;
import com.kinshop.catalog.ShippingRule;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.ordering.pricing.Discount;
import com.kinshop.ordering.pricing.PricingContext;
import com.kinshop.ordering.pricing.PricingPipeline;
import com.kinshop.shared.Money;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Prices a checkout from catalog prices only (never from what the client sent) through {@link PricingPipeline}: one
 * order per supplier (drop-ship), each line with what the buyer pays for it and its discounts by funder, each order
 * with its goods, discount, shipping and total. These are the figures checkout stores; nothing recomputes them later.
 */
public final class CheckoutPricing {

    public static final int MAX_QUANTITY = 999;

    private CheckoutPricing() {
    }

    /** One cart line with the catalog's current facts about its SKU; {@code promotionUnitPrice} is null unless a promotion prices it. */
    public record Line(SkuId sku, ProductId product, SupplierId supplier, String productName, String spec, Money unitPrice, int quantity,
                       CommissionBudget budget, Money promotionUnitPrice) {

        public Line {
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException("Quantity out of range: " + quantity);
            }
            if (!unitPrice.isPositive()) {
                throw new IllegalArgumentException("Price must be positive for SKU " + sku);
            }
        }

        public Line(SkuId sku, ProductId product, SupplierId supplier, String productName, String spec, Money unitPrice, int quantity,
                    CommissionBudget budget) {
            this(sku, product, supplier, productName, spec, unitPrice, quantity, budget, null);
        }
    }

    /**
     * A priced line: the unit price charged (catalog or promotion), what the buyer pays ({@code paid} = unit price ×
     * quantity − discounts), the discounts by funder, and the commission budget on what is paid.
     */
    public record PricedLine(Line line, Money unitPrice, Money paid, Money platformDiscount, Money supplierDiscount, Money commissionBudget) {

        public Money discount() {
            return platformDiscount.plus(supplierDiscount);
        }
    }

    /** One supplier's order: goods at the charged unit prices, less discounts, plus shipping, is its total. */
    public record SupplierOrder(SupplierId supplier, List<PricedLine> lines, Money goods, Money discount, Money shipping) {

        public Money total() {
            return goods.minus(discount).plus(shipping);
        }
    }

    public record Quote(List<SupplierOrder> orders) {

        public Money goods() {
            return orders.stream().map(SupplierOrder::goods).reduce(Money.ZERO, Money::plus);
        }

        public Money discount() {
            return orders.stream().map(SupplierOrder::discount).reduce(Money.ZERO, Money::plus);
        }

        public Money shipping() {
            return orders.stream().map(SupplierOrder::shipping).reduce(Money.ZERO, Money::plus);
        }

        /** What one payment collects for all the orders of this checkout. */
        public Money payable() {
            return orders.stream().map(SupplierOrder::total).reduce(Money.ZERO, Money::plus);
        }
    }

    public static Quote price(List<Line> lines, Function<SupplierId, ShippingRule> shippingRules) {
        return price(lines, List.of(), shippingRules);
    }

    public static Quote price(List<Line> lines, List<Discount> discounts, Function<SupplierId, ShippingRule> shippingRules) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("Nothing to check out");
        }
        Map<PricingContext.Line, Line> source = new IdentityHashMap<>();
        List<PricingContext.Line> contextLines = new ArrayList<>();
        for (Line line : lines) {
            PricingContext.Line priced = new PricingContext.Line(line.sku(), line.supplier(), line.unitPrice(), line.promotionUnitPrice(),
                    line.quantity(), line.budget());
            source.put(priced, line);
            contextLines.add(priced);
        }
        PricingContext context = PricingPipeline.standard(discounts, shippingRules).price(new PricingContext(contextLines));
        return new Quote(context.orders().stream().map(order -> new SupplierOrder(order.supplier(),
                order.lines().stream().map(line -> new PricedLine(source.get(line), line.unitPrice(), line.paid(), line.platformDiscount(),
                        line.supplierDiscount(), line.commissionBudget())).toList(),
                order.goods(), order.discount(), order.shipping())).toList());
    }
}
