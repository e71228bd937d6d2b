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

/**
 * Reads a QR code the way a phone camera would: from the pixels on the screen, looking again for a few
 * seconds until it reads one. On a busy machine a screenshot can catch the page mid-layout (the question's
 * stages pop in around the join corner), and a camera would simply keep looking; what it reads must still
 * be exactly the expected link.
 */
final class QrCodes {

    /** How long a camera keeps looking, in ms. */
    private static final long LOOK_MS = 10_000;

    private QrCodes() {
    }

    static String read(WebElement image) {
        long end = System.nanoTime() + LOOK_MS * 1_000_000;
        while (true) {
            try {
                return readOnce(image);
            } catch (com.google.zxing.ReaderException e) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("The QR code on the screen cannot be read by a camera: " + e, e);
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String readOnce(WebElement image) throws com.google.zxing.ReaderException {
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
        }
    }
}
