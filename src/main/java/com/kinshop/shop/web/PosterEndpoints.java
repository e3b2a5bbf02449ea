package com.kinshop.shop.web;

import com.kinshop.catalog.ProductId;
import com.kinshop.shared.BusinessException;
import com.kinshop.shop.Posters;
import com.kinshop.shop.ShopView;
import com.kinshop.shop.Shops;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Duration;

/** Share posters as PNG: /s/{code}/poster.png and /p/{id}/poster.png?s={code}. */
@Controller
class PosterEndpoints {

    private final Shops shops;
    private final Posters posters;

    PosterEndpoints(Shops shops, Posters posters) {
        this.shops = shops;
        this.posters = posters;
    }

    @GetMapping("/s/{code}/poster.png")
    ResponseEntity<byte[]> shopPoster(@PathVariable String code) {
        return png(posters.shop(shop(code)));
    }

    @GetMapping("/p/{productId}/poster.png")
    ResponseEntity<byte[]> productPoster(@PathVariable long productId, @RequestParam("s") String code) {
        return png(posters.product(new ProductId(productId), shop(code)));
    }

    private ShopView shop(String code) {
        return shops.byCode(code).orElseThrow(() -> BusinessException.notFound("shop.not-found"));
    }

    private static ResponseEntity<byte[]> png(byte[] image) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.maxAge(Duration.ofMinutes(10))).body(image);
    }
}
