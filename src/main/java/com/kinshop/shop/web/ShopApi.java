package com.kinshop.shop.web;

import com.kinshop.catalog.ProductCard;
import com.kinshop.catalog.ProductId;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shop.ShareLinks;
import com.kinshop.shop.ShopForm;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Micro-shops", description = "Open a shop, pick products, share")
@RestController
class ShopApi {

    private final Shops shops;
    private final ShareLinks links;

    ShopApi(Shops shops, ShareLinks links) {
        this.shops = shops;
        this.links = links;
    }

    record ShopResponse(long id, String code, String name, String intro, String avatarUrl, String ownerNickname, String shareLink,
                        List<ProductCard> picks) {
    }

    record PickOrder(@NotNull(message = "{shop.reorder.mismatch}") List<@NotNull(message = "{shop.reorder.mismatch}") Long> productIds) {
    }

    @Operation(summary = "A shop and its sellable picks, as anyone sees it")
    @GetMapping("/api/shops/{code}")
    ShopResponse shop(@PathVariable String code) {
        return response(shops.byCode(code).orElseThrow(() -> BusinessException.notFound("shop.not-found")));
    }

    @Operation(summary = "My shop")
    @GetMapping("/api/me/shop")
    ShopResponse mine(@AuthenticationPrincipal CurrentUser user) {
        return response(shops.ownedBy(user.id()).orElseThrow(() -> BusinessException.notFound("shop.not-open")));
    }

    @Operation(summary = "Open my shop (free; one per member). Leave code blank to get one.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/api/me/shop")
    ResponseEntity<ShopResponse> open(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ShopForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(response(shops.open(user.id(), form)));
    }

    @Operation(summary = "Edit my shop")
    @PatchMapping("/api/me/shop")
    ShopResponse update(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ShopForm form) {
        return response(shops.update(user.id(), form));
    }

    @Operation(summary = "Pick a product into my shop (选品)")
    @PutMapping("/api/me/shop/picks/{productId}")
    ShopResponse pick(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId) {
        shops.pick(user.id(), new ProductId(productId));
        return mine(user);
    }

    @Operation(summary = "Remove a product from my shop")
    @DeleteMapping("/api/me/shop/picks/{productId}")
    ShopResponse unpick(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId) {
        shops.unpick(user.id(), new ProductId(productId));
        return mine(user);
    }

    @Operation(summary = "Order my picks")
    @PutMapping("/api/me/shop/picks")
    ShopResponse reorder(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PickOrder order) {
        shops.reorder(user.id(), order.productIds().stream().map(ProductId::new).toList());
        return mine(user);
    }

    private ShopResponse response(ShopView shop) {
        return new ShopResponse(shop.id().value(), shop.code(), shop.name(), shop.intro(), shop.avatarUrl(), shop.ownerNickname(),
                links.shop(shop.code()), shops.picks(shop.id()));
    }
}
