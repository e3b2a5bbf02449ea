package com.kinshop.shop;

import com.kinshop.shared.CjkFont;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Posters carry a QR code that decodes back to the share link, and their Chinese text has real glyphs. */
class PosterRendererTest {

    @Test
    void productPosterQrCodeDecodesToTheShareLink() throws Exception {
        String link = "http://localhost:8080/p/42?s=xiaoyu";
        byte[] png = PosterRenderer.render(new PosterRenderer.ProductPoster(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB),
                "赣南脐橙 现摘现发 果园直采酸甜多汁的超长商品名称会换行并省略", "¥39.90", "晓雨的好物铺", link));

        BufferedImage poster = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(poster.getWidth()).isEqualTo(PosterRenderer.WIDTH);
        assertThat(decode(poster)).isEqualTo(link);
    }

    @Test
    void shopPosterQrCodeDecodesToTheShopLink() throws Exception {
        String link = "http://localhost:8080/s/dachui";
        byte[] png = PosterRenderer.render(new PosterRenderer.ShopPoster(null, "大锤严选", "王大锤", "", link));
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo(link);
    }

    @Test
    void theShippedFontHasChineseGlyphs() {
        Font font = CjkFont.of(Font.PLAIN, 24f);
        assertThat(font.canDisplayUpTo("亲享好物分享赚佣金¥")).isEqualTo(-1);
    }

    private static String decode(BufferedImage image) throws Exception {
        return com.kinshop.support.QrCodes.decode(image);
    }
}
