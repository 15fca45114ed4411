package org.pediconsult.specialty.dermatology.internal.photo;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Turns decoded pixels upright according to an EXIF orientation (1..8), so the stored photo looks
 * the way the phone showed it once the tag is gone, and makes them JPEG-writable (opaque RGB or
 * grey) on the way: the JDK's JPEG writer refuses images with alpha.
 */
final class UprightPixels {
    private UprightPixels() {
    }

    static BufferedImage forJpeg(BufferedImage src, int orientation) {
        if (orientation == ExifOrientation.NORMAL && jpegWritable(src)) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swapsSides = orientation >= 5;
        BufferedImage out = new BufferedImage(swapsSides ? h : w, swapsSides ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(src, transform(orientation, w, h), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static boolean jpegWritable(BufferedImage img) {
        return jpegWritable(img.getType());
    }

    /** Whether pixels of this BufferedImage type go to the JPEG writer as they are (else they are copied). */
    static boolean jpegWritable(int bufferedImageType) {
        return bufferedImageType == BufferedImage.TYPE_3BYTE_BGR || bufferedImageType == BufferedImage.TYPE_INT_RGB
                || bufferedImageType == BufferedImage.TYPE_BYTE_GRAY;
    }

    /** Maps stored coordinates (x, y) to displayed ones; see the EXIF 2.3 Orientation tag. */
    static AffineTransform transform(int orientation, int w, int h) {
        switch (orientation) {
            case 2: return new AffineTransform(-1, 0, 0, 1, w, 0);   // mirror horizontally
            case 3: return new AffineTransform(-1, 0, 0, -1, w, h);  // rotate 180
            case 4: return new AffineTransform(1, 0, 0, -1, 0, h);   // mirror vertically
            case 5: return new AffineTransform(0, 1, 1, 0, 0, 0);    // transpose
            case 6: return new AffineTransform(0, 1, -1, 0, h, 0);   // rotate 90 clockwise
            case 7: return new AffineTransform(0, -1, -1, 0, h, w);  // transverse
            case 8: return new AffineTransform(0, -1, 1, 0, 0, w);   // rotate 90 anticlockwise
            default: return new AffineTransform();
        }
    }
}
