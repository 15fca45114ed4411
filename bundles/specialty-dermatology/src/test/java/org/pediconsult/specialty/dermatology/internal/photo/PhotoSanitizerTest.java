package org.pediconsult.specialty.dermatology.internal.photo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.specialty.dermatology.testing.TestImages.contains;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.specialty.dermatology.testing.TestImages;

class PhotoSanitizerTest {
    private static final String GPS = "GPSLatitude 31.2304 N GPSLongitude 121.4737 E";
    private final PhotoSanitizer sanitizer = new PhotoSanitizer();

    private static void assertRefused(String code, String field, Runnable upload) {
        ProblemException e = assertThrows(ProblemException.class, upload::run);
        assertEquals(400, e.status());
        assertEquals(code, e.code());
        assertEquals(field, e.field());
    }

    @Test
    void jpegExifWithGpsCommentAndXmpIsStripped() {
        byte[] camera = TestImages.afterSoi(TestImages.jpeg(64, 48), TestImages.exifApp1(1, GPS),
                TestImages.xmpApp1("<x:xmpmeta>secret-location</x:xmpmeta>"), TestImages.comment("secret comment"));
        assertTrue(contains(camera, "Exif") && contains(camera, "GPS") && contains(camera, "secret"),
                "the test image must carry the metadata it checks for");

        SanitizedPhoto photo = sanitizer.sanitize(camera, "image/jpeg", "rash.jpg");

        assertEquals(ImageKind.JPEG, photo.kind);
        assertFalse(contains(photo.bytes, "Exif"), "no EXIF APP1 segment");
        assertFalse(contains(photo.bytes, "GPS"));
        assertFalse(contains(photo.bytes, "secret"), "no XMP, no comment");
        assertFalse(contains(photo.bytes, "http://ns.adobe.com/xap"));
        BufferedImage decoded = TestImages.read(photo.bytes);
        assertNotNull(decoded, "the stored bytes decode");
        assertEquals(64, decoded.getWidth());
        assertEquals(48, decoded.getHeight());
        assertEquals(64, photo.width);
        assertEquals(48, photo.height);
    }

    @Test
    void pngTextChunkIsStripped() {
        byte[] png = TestImages.withPngText(TestImages.png(30, 20), "Comment", GPS + " secret");
        assertTrue(contains(png, "tEXt") && contains(png, "GPS"));
        assertNotNull(TestImages.read(png), "the test PNG with its text chunk is valid");

        SanitizedPhoto photo = sanitizer.sanitize(png, "image/png", "rash.PNG");

        assertEquals(ImageKind.PNG, photo.kind);
        assertFalse(contains(photo.bytes, "tEXt"));
        assertFalse(contains(photo.bytes, "GPS"));
        assertFalse(contains(photo.bytes, "secret"));
        BufferedImage decoded = TestImages.read(photo.bytes);
        assertEquals(30, decoded.getWidth());
        assertEquals(20, decoded.getHeight());
    }

    @Test
    void textFileRenamedJpgIsNotAnImage() {
        byte[] text = "this is a shopping list, not a photo".getBytes(StandardCharsets.UTF_8);
        assertRefused("not_an_image", "body", () -> sanitizer.sanitize(text, "image/jpeg", "rash.jpg"));
    }

    @Test
    void emptyBodyIsNotAnImage() {
        assertRefused("not_an_image", "body", () -> sanitizer.sanitize(new byte[0], "image/jpeg", "rash.jpg"));
    }

    @Test
    void jpegMagicFollowedByGarbageIsNotAnImage() {
        byte[] fake = TestImages.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII));
        assertRefused("not_an_image", "body", () -> sanitizer.sanitize(fake, "image/jpeg", "rash.jpg"));
    }

    @Test
    void pngNamedJpgIsATypeMismatch() {
        byte[] png = TestImages.png(10, 10);
        assertRefused("type_mismatch", "filename", () -> sanitizer.sanitize(png, "image/png", "rash.jpg"));
    }

    @Test
    void pngSentAsImageJpegIsATypeMismatch() {
        byte[] png = TestImages.png(10, 10);
        assertRefused("type_mismatch", "Content-Type", () -> sanitizer.sanitize(png, "image/jpeg", "rash.png"));
    }

    @Test
    void otherExtensionsAreRefused() {
        byte[] jpeg = TestImages.jpeg(10, 10);
        assertRefused("type_mismatch", "filename", () -> sanitizer.sanitize(jpeg, "image/jpeg", "rash.jpg.exe"));
        assertRefused("type_mismatch", "filename", () -> sanitizer.sanitize(jpeg, "image/jpeg", "rash"));
    }

    @Test
    void octetStreamAndUpperCaseExtensionsAreAccepted() {
        assertEquals(ImageKind.JPEG, sanitizer.sanitize(TestImages.jpeg(10, 10), "application/octet-stream", "IMG_0001.JPEG").kind);
        assertEquals(ImageKind.JPEG, sanitizer.sanitize(TestImages.jpeg(10, 10), "image/jpeg; charset=binary", "a.JpG").kind);
    }

    @Test
    void imagesUpTo8000PixelsASideAreAcceptedAndLargerRefused() {
        BufferedImage edge = new BufferedImage(8000, 1, BufferedImage.TYPE_BYTE_GRAY);
        assertEquals(8000, sanitizer.sanitize(TestImages.write(edge, "png"), "image/png", "strip.png").width);
        BufferedImage wide = new BufferedImage(8001, 1, BufferedImage.TYPE_BYTE_GRAY);
        assertRefused("not_an_image", "body", () -> sanitizer.sanitize(TestImages.write(wide, "png"), "image/png", "strip.png"));
        BufferedImage tall = new BufferedImage(1, 8001, BufferedImage.TYPE_BYTE_GRAY);
        assertRefused("not_an_image", "body", () -> sanitizer.sanitize(TestImages.write(tall, "png"), "image/png", "strip.png"));
    }

    @Test
    void exifOrientationIsAppliedBeforeTheTagIsDropped() {
        byte[] base = TestImages.jpeg(40, 20); // left half red, right half blue
        BufferedImage clockwise = TestImages.read(sanitizer.sanitize(
                TestImages.afterSoi(base, TestImages.exifApp1(6, "phone")), "image/jpeg", "a.jpg").bytes);
        assertEquals(20, clockwise.getWidth());
        assertEquals(40, clockwise.getHeight());
        assertRed(clockwise.getRGB(10, 5), "rotated clockwise: the left half is now on top");
        assertBlue(clockwise.getRGB(10, 35));

        BufferedImage anticlockwise = TestImages.read(sanitizer.sanitize(
                TestImages.afterSoi(base, TestImages.exifApp1(8, "phone")), "image/jpeg", "a.jpg").bytes);
        assertBlue(anticlockwise.getRGB(10, 5));
        assertRed(anticlockwise.getRGB(10, 35));

        BufferedImage upsideDown = TestImages.read(sanitizer.sanitize(
                TestImages.afterSoi(base, TestImages.exifApp1(3, "phone")), "image/jpeg", "a.jpg").bytes);
        assertEquals(40, upsideDown.getWidth());
        assertBlue(upsideDown.getRGB(5, 10));
        assertRed(upsideDown.getRGB(35, 10));
    }

    @Test
    void cleanJpegIsStillReencoded() {
        byte[] clean = TestImages.jpeg(16, 16);
        SanitizedPhoto photo = sanitizer.sanitize(clean, "image/jpeg", "a.jpg");
        assertFalse(java.util.Arrays.equals(clean, photo.bytes), "re-encoded at quality 0.92, not passed through");
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8}, java.util.Arrays.copyOf(photo.bytes, 2));
    }

    private static void assertRed(int rgb, String message) {
        int r = rgb >> 16 & 0xFF;
        int b = rgb & 0xFF;
        assertTrue(r > 180 && b < 80, message + ": " + Integer.toHexString(rgb));
    }

    private static void assertRed(int rgb) {
        assertRed(rgb, "red");
    }

    private static void assertBlue(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int b = rgb & 0xFF;
        assertTrue(b > 180 && r < 80, "blue: " + Integer.toHexString(rgb));
    }
}
