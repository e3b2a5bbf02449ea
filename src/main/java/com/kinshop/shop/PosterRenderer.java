package com.kinshop.shop;

import com.kinshop.shared.CjkFont;
import com.kinshop.shared.QrCodeImages;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Draws share posters (分享海报): a PNG with picture, name, price, shop name and a QR code of the share link. */
final class PosterRenderer {

    static final int WIDTH = 750;
    private static final Color RED = new Color(0xF0, 0x48, 0x3E);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x8A, 0x8A, 0x8F);

    private PosterRenderer() {
    }

    record ProductPoster(BufferedImage picture, String name, String price, String shopName, String link) {
    }

    record ShopPoster(BufferedImage avatar, String shopName, String ownerName, String intro, String link) {
    }

    static byte[] render(ProductPoster poster) {
        BufferedImage image = new BufferedImage(WIDTH, 1300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        drawCover(g, poster.picture(), 0, 0, WIDTH, WIDTH);
        g.setFont(CjkFont.of(Font.BOLD, 38f));
        g.setColor(INK);
        int y = drawWrapped(g, poster.name(), 40, 810, WIDTH - 80, 2);
        g.setFont(CjkFont.of(Font.BOLD, 52f));
        g.setColor(RED);
        g.drawString(poster.price(), 40, y + 72);
        footer(g, "来自「" + poster.shopName() + "」的推荐", poster.link(), 1300);
        return png(image);
    }

    static byte[] render(ShopPoster poster) {
        BufferedImage image = new BufferedImage(WIDTH, 1100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        g.setPaint(new GradientPaint(0, 0, RED, WIDTH, 420, new Color(0xFF, 0x8A, 0x3D)));
        g.fillRect(0, 0, WIDTH, 420);
        if (poster.avatar() != null) {
            drawCover(g, poster.avatar(), 60, 80, 140, 140);
        }
        g.setColor(Color.WHITE);
        g.setFont(CjkFont.of(Font.BOLD, 48f));
        g.drawString(poster.shopName(), poster.avatar() != null ? 230 : 60, 150);
        g.setFont(CjkFont.of(Font.PLAIN, 30f));
        g.drawString("店主 " + poster.ownerName(), poster.avatar() != null ? 230 : 60, 200);
        g.setFont(CjkFont.of(Font.PLAIN, 30f));
        drawWrapped(g, poster.intro().isBlank() ? "好物推荐，零门槛开店，分享赚佣金" : poster.intro(), 60, 300, WIDTH - 120, 2);
        footer(g, "扫码逛逛我的小店", poster.link(), 1100);
        return png(image);
    }

    private static void footer(Graphics2D g, String caption, String link, int height) {
        int qrSize = 240;
        int top = height - qrSize - 60;
        g.setColor(new Color(0xF5, 0xF5, 0xF7));
        g.fillRect(0, top - 30, WIDTH, height - top + 30);
        g.drawImage(QrCodeImages.of(link, qrSize), WIDTH - qrSize - 40, top, null);
        g.setColor(INK);
        g.setFont(CjkFont.of(Font.BOLD, 32f));
        drawWrapped(g, caption, 40, top + 60, WIDTH - qrSize - 110, 2);
        g.setColor(MUTED);
        g.setFont(CjkFont.of(Font.PLAIN, 26f));
        g.drawString("长按识别二维码 · 亲享", 40, top + 180);
    }


    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** Scales the picture to cover the box and crops the overflow (or draws a soft placeholder). */
    private static void drawCover(Graphics2D g, BufferedImage picture, int x, int y, int width, int height) {
        if (picture == null) {
            g.setColor(new Color(0xFF, 0xF1, 0xEF));
            g.fillRect(x, y, width, height);
            return;
        }
        double scale = Math.max((double) width / picture.getWidth(), (double) height / picture.getHeight());
        int w = (int) Math.ceil(picture.getWidth() * scale);
        int h = (int) Math.ceil(picture.getHeight() * scale);
        Graphics2D clip = (Graphics2D) g.create(x, y, width, height);
        clip.drawImage(picture, (width - w) / 2, (height - h) / 2, w, h, null);
        clip.dispose();
    }

    /** Draws text broken into lines that fit {@code width}, at most {@code maxLines} (the last one ellipsized); returns the last baseline. */
    private static int drawWrapped(Graphics2D g, String text, int x, int baseline, int width, int maxLines) {
        FontMetrics metrics = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String next = line + new String(Character.toChars(cp));
            if (metrics.stringWidth(next) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder();
            }
            line.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            String last = lines.get(maxLines - 1);
            while (!last.isEmpty() && metrics.stringWidth(last + "…") > width) {
                last = last.substring(0, last.length() - 1);
            }
            lines = new ArrayList<>(lines.subList(0, maxLines - 1));
            lines.add(last + "…");
        }
        int y = baseline;
        for (int i = 0; i < lines.size(); i++) {
            y = baseline + i * (metrics.getHeight() + 6);
            g.drawString(lines.get(i), x, y);
        }
        return y;
    }

    private static byte[] png(BufferedImage image) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
