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

    /** Refused as too large (413), with the limit named in the detail. */
    private static ProblemException assertTooLarge(String limitNamed, Runnable upload) {
        ProblemException e = assertThrows(ProblemException.class, upload::run);
        assertEquals(413, e.status(), e.getMessage());
        assertEquals("image_too_large", e.code());
        assertEquals("body", e.field());
        assertTrue(e.getMessage().contains(limitNamed), e.getMessage());
        return e;
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
        assertTooLarge("at most 8000 pixels", () -> sanitizer.sanitize(TestImages.write(wide, "png"), "image/png", "strip.png"));
        BufferedImage tall = new BufferedImage(1, 8001, BufferedImage.TYPE_BYTE_GRAY);
        assertTooLarge("at most 8000 pixels", () -> sanitizer.sanitize(TestImages.write(tall, "png"), "image/png", "strip.png"));
    }

    /**
     * Headers alone (no pixel data at all): had the sanitizer started decoding, it would have failed
     * with not_an_image (400); 413 shows the header was enough.
     */
    @Test
    void oversizedHeadersAreRefusedBeforeAnyPixelIsDecoded() {
        assertTooLarge("at most 8000 pixels",
                () -> sanitizer.sanitize(TestImages.pngHeader(60000, 60000, 16, 6), "image/png", "bomb.png"));
        assertTooLarge("at most 24.0 megapixels",
                () -> sanitizer.sanitize(TestImages.pngHeader(8000, 8000, 8, 2), "image/png", "bomb.png"));
        assertTooLarge("at most 24.0 megapixels",
                () -> sanitizer.sanitize(TestImages.jpegHeader(7000, 7000), "image/jpeg", "bomb.jpg"));
        assertTooLarge("at most 8000 pixels",
                () -> sanitizer.sanitize(TestImages.jpegHeader(60000, 60000), "image/jpeg", "bomb.jpg"));
    }

    /** A real bomb: 5000 x 5000 RGB zeros, about 100 KB, 75 MB decoded. */
    @Test
    void aDecompressionBombIsRefusedAsTooLarge() {
        byte[] bomb = TestImages.pngBomb(5000, 5000, 8, 2);
        assertTrue(bomb.length < 200_000, "small file: " + bomb.length);
        assertTooLarge("25.0 megapixels", () -> sanitizer.sanitize(bomb, "image/png", "rash.png"));
    }

    private static PhotoSanitizer withBudget(long bytes, boolean subsample) {
        return new PhotoSanitizer(new PhotoLimits(8000, 24_000_000L, bytes, 1, 1000, subsample));
    }

    @Test
    void aPhotoOverItsMemoryShareIsSubsampledOrRefused() {
        byte[] png = TestImages.png(1000, 1000); // 3 MB raster + 2 x 3 MB output = 9 MB
        SanitizedPhoto whole = withBudget(10_000_000, true).sanitize(png, "image/png", "a.png");
        assertEquals(1000, whole.width);
        SanitizedPhoto half = withBudget(4_000_000, true).sanitize(png, "image/png", "a.png");
        assertEquals(500, half.width, "decoded at 1/2: 2.25 MB");
        assertEquals(500, TestImages.read(half.bytes).getHeight());
        assertTooLarge("at most 4 MB are allowed per photo",
                () -> withBudget(4_000_000, false).sanitize(png, "image/png", "a.png"));
    }

    @Test
    void theUprightCopyOfARotatedJpegCountsInTheBudget() {
        byte[] upright = TestImages.jpeg(1000, 1000); // 3 MB raster + 2 x 1 MB output = 5 MB
        byte[] rotated = TestImages.afterSoi(upright, TestImages.exifApp1(6, "phone")); // + 4 MB copy = 9 MB
        PhotoSanitizer sixMegabytes = withBudget(6_000_000, true);
        assertEquals(1000, sixMegabytes.sanitize(upright, "image/jpeg", "a.jpg").width);
        assertEquals(500, sixMegabytes.sanitize(rotated, "image/jpeg", "a.jpg").width);
    }

    @Test
    void sixteenBitSamplesCountTwice() {
        PhotoSanitizer strict = withBudget(60_000_000, false);
        // 2000 x 2000 x 8 bytes = 32 MB raster, x 3 with the output: over 60 MB
        assertTooLarge("MB are allowed per photo",
                () -> strict.sanitize(TestImages.pngHeader(2000, 2000, 16, 6), "image/png", "a.png"));
        // the same at 8 bits (48 MB) passes the plan, then fails to decode: the header has no pixel data
        assertRefused("not_an_image", "body",
                () -> strict.sanitize(TestImages.pngHeader(2000, 2000, 8, 6), "image/png", "a.png"));
    }

    @Test
    void decodesTakeTurnsAndAnUploadThatGetsNoneIsBusy() {
        PhotoLimits limits = new PhotoLimits(8000, 24_000_000L, 50_000_000, 1, 200, true);
        PhotoSanitizer sanitizer = new PhotoSanitizer(limits);
        limits.occupyAll();
        ProblemException busy = assertThrows(ProblemException.class,
                () -> sanitizer.sanitize(TestImages.png(10, 10), "image/png", "a.png"));
        assertEquals(503, busy.status());
        assertEquals("photo_decoder_busy", busy.code());
        assertTooLarge("at most 8000 pixels", () -> sanitizer.sanitize(TestImages.pngHeader(9000, 10, 8, 2),
                "image/png", "bomb.png"));
        limits.release();
        assertEquals(10, sanitizer.sanitize(TestImages.png(10, 10), "image/png", "a.png").width, "the turn is free again");
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
