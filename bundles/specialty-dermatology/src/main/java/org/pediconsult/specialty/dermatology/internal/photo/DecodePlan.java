package org.pediconsult.specialty.dermatology.internal.photo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.util.Locale;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

import org.pediconsult.platform.api.ProblemException;

/**
 * How a photo will be decoded, worked out from its header alone (width, height and the raw pixel
 * type: {@code getRawImageType} reads no pixel data): refused when a side or the pixel count is over
 * the limit, else decoded whole, or subsampled (every n-th pixel of every n-th row) when the whole
 * decode would not fit its memory share.
 *
 * <p>The memory counted for a decode of w x h pixels: the raster (w x h x bytes per pixel of the raw
 * type, at least 3), the upright copy a rotated or non-RGB JPEG is drawn into (4 bytes per pixel),
 * and the re-encoded output twice (the growing buffer and its final copy), taken as 1 byte per pixel
 * for JPEG and the raster's size for PNG.
 */
final class DecodePlan {
    /** Beyond 1/16 of each side a photo is no longer worth keeping. */
    static final int MAX_SUBSAMPLING = 16;

    final int width;
    final int height;
    final int subsampling;
    final long bytes;

    private DecodePlan(int width, int height, int subsampling, long bytes) {
        this.width = width;
        this.height = height;
        this.subsampling = subsampling;
        this.bytes = bytes;
    }

    static DecodePlan of(ImageReader reader, ImageKind kind, int orientation, PhotoLimits limits) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width > limits.maxSidePx || height > limits.maxSidePx) {
            throw tooLarge("the image is " + width + " x " + height + " pixels; a side may be at most "
                    + limits.maxSidePx + " pixels");
        }
        if ((long) width * height > limits.maxPixels) {
            throw tooLarge(String.format(Locale.ROOT, "the image has %.1f megapixels (%d x %d); at most %.1f megapixels "
                    + "are accepted", width * (double) height / 1e6, width, height, limits.maxPixels / 1e6));
        }
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        int pixelBytes = Math.max(3, bytesPerPixel(raw));
        boolean copied = kind == ImageKind.JPEG
                && (orientation != ExifOrientation.NORMAL || raw == null || !UprightPixels.jpegWritable(raw.getBufferedImageType()));
        for (int n = 1; n <= MAX_SUBSAMPLING; n++) {
            long w = (width + n - 1) / n;
            long h = (height + n - 1) / n;
            long raster = w * h * pixelBytes;
            long copy = copied ? w * h * 4 : 0;
            long encoded = kind == ImageKind.JPEG ? w * h : raster;
            long total = raster + copy + 2 * encoded;
            if (total <= limits.bytesPerDecode) {
                return new DecodePlan(width, height, n, total);
            }
            if (!limits.subsample) {
                throw tooLarge(String.format(Locale.ROOT, "decoding this %d x %d image would take about %d MB; at most "
                        + "%d MB are allowed per photo", width, height, total / 1_000_000, limits.bytesPerDecode / 1_000_000));
            }
        }
        throw tooLarge(String.format(Locale.ROOT, "decoding this %d x %d image would take more than %d MB even at 1/%d "
                + "of its size", width, height, limits.bytesPerDecode / 1_000_000, MAX_SUBSAMPLING));
    }

    /** The read parameters: the reader's defaults, subsampled when planned so. */
    ImageReadParam param(ImageReader reader) {
        ImageReadParam param = reader.getDefaultReadParam();
        if (subsampling > 1) {
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        }
        return param;
    }

    /** Bytes one pixel takes in a raster of this type; 4 when the header does not tell (e.g. CMYK JPEG). */
    static int bytesPerPixel(ImageTypeSpecifier type) {
        if (type == null) {
            return 4;
        }
        if (type.getBufferedImageType() == BufferedImage.TYPE_INT_RGB || type.getBufferedImageType() == BufferedImage.TYPE_INT_ARGB) {
            return 4;
        }
        SampleModel model = type.getSampleModel(1, 1);
        int elementBytes = Math.max(1, DataBuffer.getDataTypeSize(model.getDataType()) / 8);
        return Math.max(1, model.getNumDataElements() * elementBytes);
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "image_too_large", detail + "; send a smaller photo", "body");
    }
}
