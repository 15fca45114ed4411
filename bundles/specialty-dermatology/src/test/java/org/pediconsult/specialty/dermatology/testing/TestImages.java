package org.pediconsult.specialty.dermatology.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Builds the images the tests need, including the metadata phones add: an EXIF APP1 segment with
 * GPS text and an orientation, a JPEG comment, a PNG tEXt chunk.
 */
public final class TestImages {
    private TestImages() {
    }

    /** Left half red, right half blue: lets a test see which way a photo was turned. */
    public static BufferedImage halves(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        return img;
    }

    public static byte[] jpeg(int w, int h) {
        return write(halves(w, h), "jpeg");
    }

    public static byte[] png(int w, int h) {
        return write(halves(w, h), "png");
    }

    public static byte[] write(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An "Exif\0\0" APP1 segment: little-endian TIFF, IFD0 with ImageDescription and Orientation. */
    public static byte[] exifApp1(int orientation, String description) {
        byte[] text = (description + "\0").getBytes(StandardCharsets.US_ASCII);
        int textOffset = 8 + 2 + 2 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(textOffset + text.length).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(text.length).putInt(textOffset);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(text);
        byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        return segment(0xE1, payload);
    }

    /** A JPEG COM segment. */
    public static byte[] comment(String text) {
        return segment(0xFE, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** An XMP APP1 segment, as Photoshop and phones write it. */
    public static byte[] xmpApp1(String xml) {
        return segment(0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    /** Inserts segments right after SOI, where cameras put EXIF. */
    public static byte[] afterSoi(byte[] jpeg, byte[]... segments) {
        byte[] out = new byte[] {jpeg[0], jpeg[1]};
        for (byte[] s : segments) {
            out = concat(out, s);
        }
        byte[] rest = new byte[jpeg.length - 2];
        System.arraycopy(jpeg, 2, rest, 0, rest.length);
        return concat(out, rest);
    }

    /** Inserts a tEXt chunk (keyword, text) right after IHDR. */
    public static byte[] withPngText(byte[] png, String keyword, String text) {
        byte[] data = concat((keyword + "\0").getBytes(StandardCharsets.ISO_8859_1), text.getBytes(StandardCharsets.ISO_8859_1));
        byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
        int afterIhdr = 8 + 12 + 13;
        byte[] head = new byte[afterIhdr];
        System.arraycopy(png, 0, head, 0, afterIhdr);
        byte[] tail = new byte[png.length - afterIhdr];
        System.arraycopy(png, afterIhdr, tail, 0, tail.length);
        return concat(concat(head, chunk.array()), tail);
    }

    /**
     * A decompression bomb: a valid PNG of w x h pixels that are all zero, so a few hundred KB decode
     * to w x h x channels x bitDepth / 8 bytes. Rows are deflated one at a time: making it takes no
     * more memory than the file. colorType 2 = RGB, 6 = RGBA; bitDepth 8 or 16.
     */
    public static byte[] pngBomb(int w, int h, int bitDepth, int colorType) {
        int channels = colorType == 6 ? 4 : colorType == 2 ? 3 : 1;
        byte[] row = new byte[1 + (int) (((long) w * channels * bitDepth + 7) / 8)]; // filter byte 0, zeros
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat,
                new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION), 64 * 1024)) {
            for (int y = 0; y < h; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return concat(pngHeader(w, h, bitDepth, colorType), concat(chunk("IDAT", idat.toByteArray()), chunk("IEND", new byte[0])));
    }

    /** The signature and IHDR of a PNG of w x h pixels, and nothing else (33 bytes: no pixel data at all). */
    public static byte[] pngHeader(int w, int h, int bitDepth, int colorType) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) bitDepth).put((byte) colorType)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, chunk("IHDR", ihdr.array()));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data).putInt((int) crc.getValue()).array();
    }

    /** SOI, a baseline SOF0 of w x h (3 components) and an SOS header: a JPEG header with no tables or scan data. */
    public static byte[] jpegHeader(int w, int h) {
        byte[] sof = {(byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 3,
                1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1};
        byte[] sos = {(byte) 0xFF, (byte) 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0};
        return concat(concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, sof), sos);
    }

    public static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
