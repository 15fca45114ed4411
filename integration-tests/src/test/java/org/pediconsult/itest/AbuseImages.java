package org.pediconsult.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Images made to hurt a decoder: small files that declare (and, for the PNG bombs, really hold)
 * huge rasters. Written byte by byte, row by row, so making them never allocates the raster.
 */
final class AbuseImages {
    private AbuseImages() {
    }

    /** A valid PNG of w x h zero pixels: a few hundred KB that decode to w x h x channels x bitDepth / 8 bytes. */
    static byte[] pngBomb(int w, int h, int bitDepth, int colorType) {
        int channels = colorType == 6 ? 4 : colorType == 2 ? 3 : 1;
        byte[] row = new byte[1 + (int) (((long) w * channels * bitDepth + 7) / 8)];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
            for (int y = 0; y < h; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return concat(pngHeader(w, h, bitDepth, colorType), chunk("IDAT", idat.toByteArray()), chunk("IEND", new byte[0]));
    }

    /** Signature and IHDR only: 33 bytes that claim w x h pixels. */
    static byte[] pngHeader(int w, int h, int bitDepth, int colorType) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) bitDepth).put((byte) colorType)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, chunk("IHDR", ihdr.array()));
    }

    /** SOI, SOF0 (w x h, 3 components) and an SOS header, no tables and no scan data. */
    static byte[] jpegHeader(int w, int h) {
        byte[] sof = {(byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 3,
                1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1};
        byte[] sos = {(byte) 0xFF, (byte) 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0};
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, sof, sos);
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data).putInt((int) crc.getValue()).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
