package com.kinshop.storefront;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.commission.CommissionShares;
import com.kinshop.identity.CurrentUser;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.Money;
import com.kinshop.shop.Posters;
import com.kinshop.shop.ShareLinks;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sharing for app and mini-program clients: the signed-in member's share links and posters, always for their own shop,
 * and what a product shared by them pays them — the same figure as the product page, from {@link CommissionShares}.
 */
@Tag(name = "Sharing", description = "My share links, posters and 分享赚")
@RestController
class ShareApi {

    private final Shops shops;
    private final ShareLinks links;
    private final Posters posters;
    private final Catalog catalog;
    private final CommissionShares commissionShares;

    ShareApi(Shops shops, ShareLinks links, Posters posters, Catalog catalog, CommissionShares commissionShares) {
        this.shops = shops;
        this.links = links;
        this.posters = posters;
        this.catalog = catalog;
        this.commissionShares = commissionShares;
    }

    record ShopShare(String url, String shopCode) {
    }

    record ProductShare(String url, String shopCode, long productId, long skuId,
                        @Schema(description = "What I am paid (level 1, my tier's share) for one unit of this SKU sold through the link")
                        Money earning) {
    }

    @Operation(summary = "My shop's share link", responses = {
            @ApiResponse(responseCode = "200", description = "The link"),
            @ApiResponse(responseCode = "404", description = "I have no shop yet (shop.not-open)",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    @GetMapping("/api/me/shop/share")
    ShopShare shopShare(@AuthenticationPrincipal CurrentUser user) {
        ShopView shop = myShop(user);
        return new ShopShare(links.shop(shop.code()), shop.code());
    }

    @Operation(summary = "My shop's share poster", responses = {
            @ApiResponse(responseCode = "200", description = "The poster", content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE,
                    schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "404", description = "I have no shop yet (shop.not-open)",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    @GetMapping(value = "/api/me/shop/share/poster.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> shopPoster(@AuthenticationPrincipal CurrentUser user) {
        return png(posters.shop(myShop(user)));
    }

    @Operation(summary = "My share link of a product, and what one unit of a SKU sold through it pays me", responses = {
            @ApiResponse(responseCode = "200", description = "The link and my 分享赚"),
            @ApiResponse(responseCode = "404", description = "I have no shop yet (shop.not-open), or the product is not on sale",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    @GetMapping("/api/me/shop/share/products/{productId}")
    ProductShare productShare(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId,
                              @Parameter(description = "the SKU; the product's first SKU when left out") @RequestParam(required = false) Long skuId) {
        ShopView shop = myShop(user);
        ProductDetail product = sellable(productId);
        ProductDetail.SkuView sku = product.skus().stream().filter(s -> skuId == null || s.id().value() == skuId).findFirst()
                .orElseThrow(() -> BusinessException.notFound("sku.not-found"));
        return new ProductShare(links.product(product.id(), shop.code()), shop.code(), productId, sku.id().value(),
                commissionShares.direct(user.id(), sku.commissionBudget()));
    }

    @Operation(summary = "My share poster of a product", responses = {
            @ApiResponse(responseCode = "200", description = "The poster", content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE,
                    schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "404", description = "I have no shop yet (shop.not-open), or the product is not on sale",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    @GetMapping(value = "/api/me/shop/share/products/{productId}/poster.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> productPoster(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId) {
        ShopView shop = myShop(user);
        return png(posters.product(sellable(productId).id(), shop));
    }

    private ShopView myShop(CurrentUser user) {
        return shops.ownedBy(user.id()).orElseThrow(() -> BusinessException.notFound("shop.not-open"));
    }

    private ProductDetail sellable(long productId) {
        return catalog.product(new ProductId(productId)).filter(ProductDetail::sellable)
                .orElseThrow(() -> BusinessException.notFound("product.off-sale"));
    }

    private static ResponseEntity<byte[]> png(byte[] image) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(image);
    }
}
