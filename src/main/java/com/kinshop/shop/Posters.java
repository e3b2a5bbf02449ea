package com.kinshop.shop;

import com.kinshop.catalog.Catalog;
import com.kinshop.catalog.ProductDetail;
import com.kinshop.catalog.ProductId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shared.MediaStore;
import org.springframework.stereotype.Service;

/** Share posters for a shop, or for a product shared by a shop. */
@Service
public class Posters {

    private final Catalog catalog;
    private final MediaStore media;
    private final ShareLinks links;

    Posters(Catalog catalog, MediaStore media, ShareLinks links) {
        this.catalog = catalog;
        this.media = media;
        this.links = links;
    }

    public byte[] product(ProductId productId, ShopView shop) {
        ProductDetail product = catalog.product(productId).filter(ProductDetail::sellable)
                .orElseThrow(() -> BusinessException.notFound("product.not-found"));
        return PosterRenderer.render(new PosterRenderer.ProductPoster(media.read(product.mainImage()).orElse(null), product.name(),
                "¥" + product.lowestPrice().toPlainString(), shop.name(), links.product(productId, shop.code())));
    }

    /** A play's poster (a group to join): the product's picture and name, the play's price and caption, and the link to its page. */
    public byte[] promotion(ProductId productId, String price, String caption, String link) {
        ProductDetail product = catalog.product(productId).orElseThrow(() -> BusinessException.notFound("product.not-found"));
        return PosterRenderer.render(new PosterRenderer.ProductPoster(media.read(product.mainImage()).orElse(null), product.name(), price, caption, link));
    }

    public byte[] shop(ShopView shop) {
        return PosterRenderer.render(new PosterRenderer.ShopPoster(media.read(shop.avatarUrl() != null ? shop.avatarUrl() : shop.ownerAvatarUrl()).orElse(null),
                shop.name(), shop.ownerNickname(), shop.intro(), links.shop(shop.code())));
    }
}
