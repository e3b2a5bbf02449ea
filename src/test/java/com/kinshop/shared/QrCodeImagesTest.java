package com.kinshop.shared;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.kinshop.support.QrCodes;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every poster's QR code reads back, including links whose encoder-chosen mask a common reader cannot find. */
class QrCodeImagesTest {

    /** Bargain share links on which the encoder's own choice of mask pattern gives a code ZXing cannot read. */
    private static final String[] UNREADABLE_AS_ENCODED = {
            "http://localhost:37688/bargains/1563?s=kb42ffd928c",
            "http://localhost:47275/bargains/979?s=kb5f4e8f86f",
    };

    @Test
    void linksWhoseDefaultCodeCannotBeReadGetOneThatCan() throws Exception {
        for (String link : UNREADABLE_AS_ENCODED) {
            var asEncoded = MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M)));
            assertThatThrownBy(() -> QrCodes.decode(asEncoded)).as(link).isInstanceOf(NotFoundException.class);

            assertThat(QrCodes.decode(QrCodeImages.of(link, 240))).isEqualTo(link);
        }
    }

    @Test
    void shareLinksOfEveryShapeReadBack() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            String link = "http://localhost:" + (30_000 + random.nextInt(30_000)) + "/bargains/" + random.nextInt(100_000)
                    + "?s=kb" + Long.toHexString(random.nextLong()).substring(0, 9);
            assertThat(QrCodes.decode(QrCodeImages.of(link, 240))).isEqualTo(link);
        }
    }
}
