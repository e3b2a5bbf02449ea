package com.kinshop.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/** Reads the QR code on a poster as a phone's scanner would: trying harder, since a poster is not a bare code. */
public final class QrCodes {

    private QrCodes() {
    }

    public static String decode(BufferedImage image) throws NotFoundException {
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    public static String decode(byte[] png) throws IOException, NotFoundException {
        return decode(ImageIO.read(new ByteArrayInputStream(png)));
    }
}
