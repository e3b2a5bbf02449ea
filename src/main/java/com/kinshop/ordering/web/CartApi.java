package com.kinshop.ordering.web;

import com.kinshop.catalog.SkuId;
import com.kinshop.identity.CurrentUser;
import com.kinshop.ordering.Cart;
import com.kinshop.shared.Money;
import com.kinshop.shop.Visitor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Cart", description = "The signed-in member's cart; prices and totals always come from the catalog")
@RestController
@RequestMapping("/api/me/cart")
class CartApi {

    private final Cart cart;

    CartApi(Cart cart) {
        this.cart = cart;
    }

    record AddItem(@NotNull(message = "{cart.sku.required}") Long skuId, @NotNull(message = "{cart.quantity.required}") Integer quantity) {
    }

    record ChangeQuantity(@NotNull(message = "{cart.quantity.required}") Integer quantity) {
    }

    record CartResponse(List<Group> orders, List<Line> unavailable, Money goods, Money shipping, Money payable) {
    }

    record Group(long supplierId, List<Line> lines, Money goods, Money shipping, Money total) {
    }

    @Schema(name = "CartLine")
    record Line(long skuId, long productId, String productName, String spec, Money unitPrice, int quantity, Money amount,
                boolean enoughStock) {
    }

    @GetMapping
    CartResponse view(@AuthenticationPrincipal CurrentUser user) {
        return response(cart.view(user.id()));
    }

    private static CartResponse response(Cart.View view) {
        List<Group> groups = view.quote().orders().stream().map(order -> new Group(order.supplier().value(),
                order.lines().stream().map(priced -> line(view.item(priced.line().sku()), priced.paid())).toList(),
                order.goods(), order.shipping(), order.total())).toList();
        return new CartResponse(groups, view.unavailable().stream().map(item -> line(item, null)).toList(),
                view.quote().goods(), view.quote().shipping(), view.quote().payable());
    }

    @Operation(summary = "Add units of a SKU; the shop of the last share link (cookie ks_ref) is kept for attribution")
    @PostMapping("/items")
    CartResponse add(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody AddItem item,
                     @CookieValue(name = Visitor.REFERRER_COOKIE, required = false) String shopCode) {
        return response(cart.changed(user.id(), changing -> changing.add(user.id(), new SkuId(item.skuId()), item.quantity(), shopCode)));
    }

    @PutMapping("/items/{skuId}")
    CartResponse change(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId, @Valid @RequestBody ChangeQuantity change) {
        return response(cart.changed(user.id(), changing -> changing.changeQuantity(user.id(), new SkuId(skuId), change.quantity())));
    }

    @DeleteMapping("/items/{skuId}")
    CartResponse remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId) {
        return response(cart.changed(user.id(), changing -> changing.remove(user.id(), new SkuId(skuId))));
    }

    private static Line line(Cart.Item item, Money amount) {
        var facts = item.facts();
        return new Line(facts.sku().value(), facts.product().value(), facts.productName(), facts.spec(), facts.price(),
                item.quantity(), amount, item.enoughStock());
    }
}
