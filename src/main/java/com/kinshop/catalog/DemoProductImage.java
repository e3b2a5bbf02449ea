package com.kinshop.catalog;

import com.kinshop.shared.CjkFont;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Draws a clean square "packshot" for demo products: a tinted backdrop, a labelled box, the product's name. */
final class DemoProductImage {

    private DemoProductImage() {
    }

    static byte[] draw(String name, String label, float hue) {
        int size = 800;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color light = Color.getHSBColor(hue, 0.12f, 1f);
        Color deep = Color.getHSBColor(hue, 0.55f, 0.92f);
        g.setPaint(new GradientPaint(0, 0, light, size, size, Color.getHSBColor(hue, 0.25f, 0.98f)));
        g.fillRect(0, 0, size, size);
        g.setColor(new Color(0, 0, 0, 22));
        g.fill(new RoundRectangle2D.Float(190, 230, 440, 460, 48, 48));
        g.setPaint(new GradientPaint(0, 180, deep, 0, 660, Color.getHSBColor(hue, 0.7f, 0.7f)));
        g.fill(new RoundRectangle2D.Float(180, 190, 440, 460, 48, 48));
        g.setColor(new Color(255, 255, 255, 235));
        g.fill(new RoundRectangle2D.Float(230, 300, 340, 230, 28, 28));
        g.setColor(deep);
        g.setStroke(new BasicStroke(4));
        g.drawLine(260, 470, 540, 470);
        String first = name.substring(0, name.offsetByCodePoints(0, 1));
        g.setFont(CjkFont.of(Font.BOLD, 120f));
        g.drawString(first, 400 - g.getFontMetrics().stringWidth(first) / 2, 440);
        g.setFont(CjkFont.of(Font.PLAIN, 30f));
        g.drawString(label, 400 - g.getFontMetrics().stringWidth(label) / 2, 510);
        g.setColor(new Color(40, 40, 40));
        g.setFont(CjkFont.of(Font.BOLD, 44f));
        String title = name.length() > 14 ? name.substring(0, 14) : name;
        g.drawString(title, 400 - g.getFontMetrics().stringWidth(title) / 2, 740);
        g.dispose();
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
