package com.kinshop.shared;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * QR codes for share posters, each one read back before it is used. About one link in seventy gets, from ZXing's
 * encoder, a mask pattern whose code ZXing's own reader (the one inside most Android scanners) cannot find; for those
 * the first mask pattern that reads back is used, which any reader takes just as well.
 */
public final class QrCodeImages {

    private static final Logger log = LoggerFactory.getLogger(QrCodeImages.class);
    private static final int MASK_PATTERNS = 8;

    private QrCodeImages() {
    }

    /** A black-on-white QR code of {@code text}, {@code size} pixels square, that reads back as {@code text}. */
    public static BufferedImage of(String text, int size) {
        BufferedImage chosenByEncoder = encode(text, size, null);
        if (readsAs(chosenByEncoder, text)) {
            return chosenByEncoder;
        }
        for (int mask = 0; mask < MASK_PATTERNS; mask++) {
            BufferedImage image = encode(text, size, mask);
            if (readsAs(image, text)) {
                return image;
            }
        }
        log.warn("No mask pattern gives a QR code ZXing reads back for {}; using the encoder's", text);
        return chosenByEncoder;
    }

    private static BufferedImage encode(String text, int size, Integer maskPattern) {
        Map<EncodeHintType, Object> hints = new HashMap<>(Map.of(EncodeHintType.MARGIN, 1,
                EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        if (maskPattern != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, maskPattern);
        }
        try {
            return MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints));
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode " + text, e);
        }
    }

    private static boolean readsAs(BufferedImage image, String text) {
        try {
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            return text.equals(new QRCodeReader().decode(bitmap).getText());
        } catch (ReaderException e) {
            return false;
        }
    }
}
