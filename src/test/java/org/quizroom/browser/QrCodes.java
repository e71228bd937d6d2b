package org.quizroom.browser;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/** Reads a QR code the way a phone camera would: from the pixels on the screen. */
final class QrCodes {

    private QrCodes() {
    }

    static String read(WebElement image) {
        byte[] png = image.getScreenshotAs(OutputType.BYTES);
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
            int w = picture.getWidth();
            int h = picture.getHeight();
            int[] pixels = picture.getRGB(0, 0, w, h, null, 0, w);
            var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (com.google.zxing.ReaderException e) {
            throw new AssertionError("The QR code on the screen cannot be read by a camera: " + e, e);
        }
    }
}
