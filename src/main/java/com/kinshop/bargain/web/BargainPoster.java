package com.kinshop.bargain.web;

import com.kinshop.shared.CjkFont;
import com.kinshop.shared.QrCodeImages;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A bargain's share poster (砍价海报): the product picture, its name, the current and floor prices, and a QR code of
 * the bargain's share link (which carries the sharer's shop code, as the product posters do).
 */
final class BargainPoster {

    private static final int WIDTH = 750;
    private static final int HEIGHT = 1250;
    private static final Color RED = new Color(0xF0, 0x48, 0x3E);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x8A, 0x8A, 0x8F);

    private BargainPoster() {
    }

    record Content(BufferedImage picture, String name, String price, String caption, String floor, String link) {
    }

    static byte[] render(Content content) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        cover(g, content.picture());
        g.setColor(INK);
        g.setFont(CjkFont.of(Font.BOLD, 38f));
        g.drawString(fit(g, content.name(), WIDTH - 80), 40, 790);
        g.setColor(RED);
        g.setFont(CjkFont.of(Font.BOLD, 52f));
        g.drawString(content.price(), 40, 870);
        int qrSize = 240;
        int top = HEIGHT - qrSize - 50;
        g.setColor(new Color(0xF5, 0xF5, 0xF7));
        g.fillRect(0, top - 30, WIDTH, HEIGHT - top + 30);
        g.drawImage(QrCodeImages.of(content.link(), qrSize), WIDTH - qrSize - 40, top, null);
        g.setColor(INK);
        g.setFont(CjkFont.of(Font.BOLD, 32f));
        g.drawString(fit(g, content.caption(), WIDTH - qrSize - 110), 40, top + 60);
        g.setColor(RED);
        g.setFont(CjkFont.of(Font.BOLD, 30f));
        g.drawString(fit(g, content.floor(), WIDTH - qrSize - 110), 40, top + 115);
        g.setColor(MUTED);
        g.setFont(CjkFont.of(Font.PLAIN, 26f));
        g.drawString("长按识别二维码 · 亲享", 40, top + 180);
        g.dispose();
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The picture scaled to cover the square top and cropped (or a soft placeholder). */
    private static void cover(Graphics2D g, BufferedImage picture) {
        if (picture == null) {
            g.setColor(new Color(0xFF, 0xF1, 0xEF));
            g.fillRect(0, 0, WIDTH, WIDTH - 30);
            return;
        }
        double scale = Math.max((double) WIDTH / picture.getWidth(), (double) (WIDTH - 30) / picture.getHeight());
        int w = (int) Math.ceil(picture.getWidth() * scale);
        int h = (int) Math.ceil(picture.getHeight() * scale);
        Graphics2D clip = (Graphics2D) g.create(0, 0, WIDTH, WIDTH - 30);
        clip.drawImage(picture, (WIDTH - w) / 2, (WIDTH - 30 - h) / 2, w, h, null);
        clip.dispose();
    }

    /** The text on one line, ellipsized to {@code width}. */
    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics metrics = g.getFontMetrics();
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "…";
    }

}
