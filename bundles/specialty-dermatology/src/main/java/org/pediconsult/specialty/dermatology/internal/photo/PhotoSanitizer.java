package org.pediconsult.specialty.dermatology.internal.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Supplier;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.pediconsult.platform.api.ProblemException;

/**
 * Turns an uploaded body into a photo that is safe to keep and show: only JPEG or PNG whose bytes,
 * declared Content-Type and file extension agree; decodable within the limits of {@link PhotoLimits}
 * (side, pixel count and memory, checked from the header before any pixel is decoded, see
 * {@link DecodePlan}; decodes take turns); and re-encoded from its decoded pixels, so nothing of the
 * original file survives: no EXIF (GPS position of the family's home, camera serial, time), no XMP,
 * no comments, no trailing payload. The EXIF orientation is applied to the pixels first so the
 * photo stays upright.
 *
 * <p>A 200 KB PNG can declare 8000 x 8000 pixels of zeros (192 MB decoded, 512 MB at 16 bits per
 * sample): such decompression bombs are refused from their header (413 {@code image_too_large}),
 * and what is decoded stays within the memory budget whatever the number of uploads.
 *
 * <p>ImageIO is driven with this bundle's class loader as the thread context class loader (its
 * plugin registry looks there) and without its disk cache (uploads never touch the file system).
 */
public final class PhotoSanitizer {
    static final float JPEG_QUALITY = 0.92f;

    private final PhotoLimits limits;

    /** With the shipped limits. */
    public PhotoSanitizer() {
        this(PhotoLimits.defaults());
    }

    PhotoSanitizer(PhotoLimits limits) {
        this.limits = limits;
        ImageIO.setUseCache(false);
    }

    /**
     * @param declaredMediaType the request's Content-Type (null or application/octet-stream: no claim)
     * @param filename the client's file name, whose extension must match the bytes
     * @throws ProblemException 400 {@code not_an_image} or {@code type_mismatch}, 413 {@code image_too_large}
     *         (naming the limit), 503 {@code photo_decoder_busy} (no decode turn in time)
     */
    public SanitizedPhoto sanitize(byte[] body, String declaredMediaType, String filename) {
        ImageKind kind = ImageKind.detect(body).orElseThrow(
                () -> notAnImage("the body is not a JPEG or PNG image"));
        if (!kind.acceptsDeclared(declaredMediaType)) {
            throw new ProblemException(400, "type_mismatch",
                    "the Content-Type does not match the image, which is " + kind.mediaType, "Content-Type");
        }
        if (filename == null || !kind.matchesFilename(filename)) {
            throw new ProblemException(400, "type_mismatch",
                    "the file name extension does not match the image, which is " + kind.mediaType, "filename");
        }
        int orientation = kind == ImageKind.JPEG ? ExifOrientation.of(body) : ExifOrientation.NORMAL;
        return withOwnClassLoader(() -> {
            ImageReader reader = first(ImageIO.getImageReadersByFormatName(kind.formatName), kind);
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(body))) {
                // ignoreMetadata: no text or ICC chunk is inflated either
                reader.setInput(in, true, true);
                DecodePlan plan = plan(reader, kind, orientation);
                limits.acquire();
                try {
                    BufferedImage pixels = decode(reader, plan);
                    BufferedImage upright = kind == ImageKind.JPEG ? UprightPixels.forJpeg(pixels, orientation) : pixels;
                    return new SanitizedPhoto(kind, encode(kind, upright), upright.getWidth(), upright.getHeight());
                } finally {
                    limits.release();
                }
            } catch (IOException e) {
                throw notAnImage("the image could not be read (" + e.getClass().getSimpleName() + ")");
            } finally {
                reader.dispose();
            }
        });
    }

    /** From the header only: refuses what is too large, else says how to decode it. */
    private DecodePlan plan(ImageReader reader, ImageKind kind, int orientation) {
        try {
            return DecodePlan.of(reader, kind, orientation, limits);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw notAnImage("the image header could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static BufferedImage decode(ImageReader reader, DecodePlan plan) {
        try {
            BufferedImage image = reader.read(0, plan.param(reader));
            if (image == null) {
                throw notAnImage("the image could not be decoded");
            }
            return image;
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Corrupt data surfaces as IIOException or as runtime errors inside the codecs alike.
            throw notAnImage("the image could not be decoded (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] encode(ImageKind kind, BufferedImage image) {
        ImageWriter writer = first(ImageIO.getImageWritersByFormatName(kind.formatName), kind);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (kind == ImageKind.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            // No metadata passed: the writer emits only what the format needs (JFIF APP0, PNG IHDR/IDAT).
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("re-encoding a decoded " + kind + " failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static <T> T first(Iterator<T> plugins, ImageKind kind) {
        if (!plugins.hasNext()) {
            throw new IllegalStateException("the JDK has no ImageIO plugin for " + kind);
        }
        return plugins.next();
    }

    private static ProblemException notAnImage(String detail) {
        return new ProblemException(400, "not_an_image", detail, "body");
    }

    private static <T> T withOwnClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PhotoSanitizer.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
