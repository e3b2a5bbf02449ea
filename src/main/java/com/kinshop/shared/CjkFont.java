package com.kinshop.shared;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK font shipped in the jar (WenQuanYi Micro Hei, Apache-2.0), so images with Chinese text render the same on
 * every machine, with no font installed and no boxes.
 */
public final class CjkFont {

    private static final Font BASE = load();

    private CjkFont() {
    }

    public static Font of(int style, float size) {
        return BASE.deriveFont(style, size);
    }

    private static Font load() {
        try (InputStream in = CjkFont.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
            if (in == null) {
                throw new IllegalStateException("fonts/wqy-microhei.ttc is missing from the classpath");
            }
            return Font.createFonts(in)[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
