package com.kinshop.ordering.pricing;

import com.kinshop.catalog.CommissionBudget;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.SupplierId;
import com.kinshop.shared.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one checkout while {@link PricingPipeline} works them out: lines (in cart order) and one order per
 * supplier (in the order its first line came). Mutable and plain on purpose: each {@link PriceCalculator} sets its part.
 */
public final class PricingContext {

    /** One line: what the catalog says, what the steps decide. */
    public static final class Line {

        private final SkuId sku;
        private final SupplierId supplier;
        private final Money catalogUnitPrice;
        private final Money promotionUnitPrice;
        private final int quantity;
        private final CommissionBudget budget;
        private Money unitPrice;
        private Money platformDiscount = Money.ZERO;
        private Money supplierDiscount = Money.ZERO;
        private Money commissionBudget = Money.ZERO;

        /** {@code promotionUnitPrice} is null unless a promotion prices this line. */
        public Line(SkuId sku, SupplierId supplier, Money catalogUnitPrice, Money promotionUnitPrice, int quantity, CommissionBudget budget) {
            this.sku = sku;
            this.supplier = supplier;
            this.catalogUnitPrice = catalogUnitPrice;
            this.promotionUnitPrice = promotionUnitPrice;
            this.quantity = quantity;
            this.budget = budget;
        }

        public SkuId sku() { return sku; }
        public SupplierId supplier() { return supplier; }
        public Money catalogUnitPrice() { return catalogUnitPrice; }
        public Money promotionUnitPrice() { return promotionUnitPrice; }
        public int quantity() { return quantity; }
        public CommissionBudget budget() { return budget; }
        /** The unit price charged before discounts (catalog, or promotion). */
        public Money unitPrice() { return unitPrice; }
        public Money platformDiscount() { return platformDiscount; }
        public Money supplierDiscount() { return supplierDiscount; }
        public Money commissionBudget() { return commissionBudget; }

        /** Unit price × quantity: what the line costs before discounts. */
        public Money gross() {
            return unitPrice.times(quantity);
        }

        public Money discount() {
            return platformDiscount.plus(supplierDiscount);
        }

        /** What the buyer pays for this line: its gross less its discounts. Never negative. */
        public Money paid() {
            return gross().minus(discount());
        }

        void unitPrice(Money price) {
            this.unitPrice = price;
        }

        void discount(Funder funder, Money amount) {
            if (funder == Funder.PLATFORM) {
                platformDiscount = platformDiscount.plus(amount);
            } else {
                supplierDiscount = supplierDiscount.plus(amount);
            }
        }

        void commissionBudget(Money budget) {
            this.commissionBudget = budget;
        }
    }

    /** One supplier's part of the checkout (drop-ship: one order each). */
    public static final class SupplierOrder {

        private final SupplierId supplier;
        private final List<Line> lines = new ArrayList<>();
        private Money shipping = Money.ZERO;

        SupplierOrder(SupplierId supplier) {
            this.supplier = supplier;
        }

        public SupplierId supplier() { return supplier; }
        public List<Line> lines() { return List.copyOf(lines); }
        public Money shipping() { return shipping; }

        public Money goods() {
            return lines.stream().map(Line::gross).reduce(Money.ZERO, Money::plus);
        }

        public Money discount() {
            return lines.stream().map(Line::discount).reduce(Money.ZERO, Money::plus);
        }

        /** The goods the buyer pays for: goods less discounts, before shipping. */
        public Money paidGoods() {
            return lines.stream().map(Line::paid).reduce(Money.ZERO, Money::plus);
        }

        public Money total() {
            return paidGoods().plus(shipping);
        }

        void shipping(Money fee) {
            this.shipping = fee;
        }
    }

    private final List<Line> lines;
    private final List<SupplierOrder> orders;

    public PricingContext(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("Nothing to price");
        }
        this.lines = List.copyOf(lines);
        Map<SupplierId, SupplierOrder> bySupplier = new LinkedHashMap<>();
        for (Line line : this.lines) {
            bySupplier.computeIfAbsent(line.supplier(), SupplierOrder::new).lines.add(line);
        }
        this.orders = List.copyOf(bySupplier.values());
    }

    public List<Line> lines() {
        return lines;
    }

    public List<SupplierOrder> orders() {
        return orders;
    }
}
