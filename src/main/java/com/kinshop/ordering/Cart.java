package com.kinshop.ordering;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.Catalog.SkuFacts;
import com.kinshop.catalog.SkuId;
import com.kinshop.catalog.ShippingRule;
import com.kinshop.catalog.SupplierId;
import com.kinshop.catalog.Suppliers;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.kinshop.identity.AccountId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.List;
import java.util.Map;

/**
 * The cart (购物车) across suppliers. It stores only SKUs, quantities and the shop the buyer came through; prices,
 * stock and sellability are read from the catalog every time, and the totals come from {@link CheckoutPricing}, so
 * what the cart shows is what checkout will charge.
 */
@Service
public class Cart {

    static final int MAX_LINES = 100;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Suppliers suppliers;
    private final Clock clock;

    Cart(JdbcClient jdbc, Catalog catalog, Suppliers suppliers, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    public record Item(SkuFacts facts, int quantity, String shopCode) {

        public boolean enoughStock() {
            return facts.available() >= quantity;
        }
    }

    /** Sellable items priced per supplier order, and the items that cannot be bought now. */
    @Schema(name = "CartContents")
    public record View(CheckoutPricing.Quote quote, List<Item> items, List<Item> unavailable,
                       @JsonIgnore @Schema(hidden = true) Function<SupplierId, ShippingRule> shippingRules) {

        public boolean isEmpty() {
            return items.isEmpty() && unavailable.isEmpty();
        }

        public Item item(SkuId sku) {
            return items.stream().filter(item -> item.facts().sku().equals(sku)).findFirst().orElseThrow();
        }
    }

    /** Adds units of a SKU to what is already there (refused past 999 in all); the latest share link's shop is remembered. */
    @Transactional
    public void add(AccountId owner, SkuId sku, int quantity, String shopCode) {
        requireQuantity(quantity);
        SkuFacts facts = catalog.skuFacts(List.of(sku)).get(sku);
        if (facts == null || !facts.sellable()) {
            throw BusinessException.invalid("skuId", "cart.not-sellable");
        }
        int lines = jdbc.sql("select count(*) from cart_item where account_id = ?").param(owner.value()).query(Integer.class).single();
        if (lines >= MAX_LINES) {
            throw BusinessException.invalid("skuId", "cart.too-many", MAX_LINES);
        }
        int written = jdbc.sql("""
                        insert into cart_item (account_id, sku_id, quantity, shop_code, added_at) values (:owner, :sku, :quantity, :shop, :now)
                        on conflict (account_id, sku_id) do update
                        set quantity = cart_item.quantity + excluded.quantity, shop_code = coalesce(excluded.shop_code, cart_item.shop_code)
                        where cart_item.quantity + excluded.quantity <= :max""")
                .param("owner", owner.value()).param("sku", sku.value()).param("quantity", quantity)
                .param("shop", shopCode == null || !shopCode.matches("[a-z0-9]{4,12}") ? null : shopCode)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("max", CheckoutPricing.MAX_QUANTITY)
                .update();
        if (written == 0) { // never silently fewer than asked for
            throw BusinessException.invalid("quantity", "cart.quantity.total", CheckoutPricing.MAX_QUANTITY);
        }
    }

    @Transactional
    public void changeQuantity(AccountId owner, SkuId sku, int quantity) {
        requireQuantity(quantity);
        if (jdbc.sql("update cart_item set quantity = ? where account_id = ? and sku_id = ?").params(quantity, owner.value(), sku.value()).update() != 1) {
            throw BusinessException.notFound("cart.item.not-found");
        }
    }

    @Transactional
    public void remove(AccountId owner, SkuId sku) {
        jdbc.sql("delete from cart_item where account_id = ? and sku_id = ?").params(owner.value(), sku.value()).update();
    }

    /** A change to the cart, then the cart as it now is, in one transaction: an add through the API is one commit. */
    @Transactional
    public View changed(AccountId owner, Consumer<Cart> change) {
        change.accept(this);
        return view(owner);
    }

    @Transactional(readOnly = true) // its reads in one transaction: one consistent cart, one commit
    public View view(AccountId owner) {
        return viewOf(jdbc.sql("select sku_id, quantity, shop_code from cart_item where account_id = ? order by added_at, sku_id")
                .param(owner.value()).query((rs, n) -> new Object[] {new SkuId(rs.getLong(1)), rs.getInt(2), rs.getString(3)}).list());
    }

    /** How many different SKUs the cart holds (the badge on the product page's 购物车 icon), without pricing them. */
    public int lines(AccountId owner) {
        return jdbc.sql("select count(*) from cart_item where account_id = ?").param(owner.value()).query(Integer.class).single();
    }

    /** One SKU bought at once (立即购买), priced exactly as the cart would price it, without touching the cart. */
    public View buyNow(SkuId sku, int quantity, String shopCode) {
        return single(sku, quantity, shopCode, null);
    }

    /** One SKU at a play's price (group, flash): priced like buy now, with the promotion price in the pipeline's promotion step. */
    View promotion(SkuId sku, int quantity, String shopCode, Money unitPrice) {
        return single(sku, quantity, shopCode, unitPrice);
    }

    private View single(SkuId sku, int quantity, String shopCode, Money promotionPrice) {
        requireQuantity(quantity);
        View view = viewOf(List.<Object[]>of(new Object[] {sku, quantity, shopCode == null || !shopCode.matches("[a-z0-9]{4,12}") ? null : shopCode}),
                promotionPrice);
        if (view.items().isEmpty()) {
            throw BusinessException.invalid("skuId", "cart.not-sellable");
        }
        return view;
    }

    private View viewOf(List<Object[]> rows) {
        return viewOf(rows, null);
    }

    private View viewOf(List<Object[]> rows, Money promotionPrice) {
        Map<SkuId, SkuFacts> facts = catalog.skuFacts(rows.stream().map(row -> (SkuId) row[0]).toList());
        List<Item> sellable = new ArrayList<>();
        List<Item> unavailable = new ArrayList<>();
        for (Object[] row : rows) {
            SkuFacts sku = facts.get((SkuId) row[0]);
            if (sku == null) {
                continue; // no such SKU (buy now with an id from nowhere): nothing to sell, refused by the caller
            }
            Item item = new Item(sku, (Integer) row[1], (String) row[2]);
            (sku.sellable() ? sellable : unavailable).add(item);
        }
        // read once per supplier: checkout prices again with its discounts, by the same rules
        Map<SupplierId, ShippingRule> rules = new HashMap<>();
        Function<SupplierId, ShippingRule> shippingRules = supplier -> rules.computeIfAbsent(supplier, suppliers::shippingRule);
        CheckoutPricing.Quote quote = sellable.isEmpty() ? new CheckoutPricing.Quote(List.of()) : CheckoutPricing.price(
                sellable.stream().map(item -> new CheckoutPricing.Line(item.facts().sku(), item.facts().product(), item.facts().supplier(),
                        item.facts().productName(), item.facts().spec(), item.facts().price(), item.quantity(), item.facts().budget(), promotionPrice)).toList(),
                shippingRules);
        return new View(quote, sellable, unavailable, shippingRules);
    }

    private static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > CheckoutPricing.MAX_QUANTITY) {
            throw BusinessException.invalid("quantity", "cart.quantity.range", CheckoutPricing.MAX_QUANTITY);
        }
    }
}
