package com.kinshop.shop;

import com.kinshop.catalog.ProductId;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Short, stable share links carrying the sharer's shop code: /s/{code} and /p/{product}?s={code}. */
@Component
public class ShareLinks {

    private final Environment environment;

    ShareLinks(Environment environment) {
        this.environment = environment;
    }

    public String shop(String shopCode) {
        return publicUrl() + "/s/" + shopCode;
    }

    public String product(ProductId product, String shopCode) {
        return publicUrl() + "/p/" + product.value() + (shopCode == null ? "" : "?s=" + shopCode);
    }

    /** {@code kinshop.public-url}; read on use, because by default it names the port the server actually took. */
    private String publicUrl() {
        String url = environment.getRequiredProperty("kinshop.public-url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
