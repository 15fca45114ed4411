package org.pediconsult.specialty.dermatology.internal.photo;

/**
 * Reads the EXIF Orientation tag (0x0112) of a JPEG before its metadata is thrown away. Phones
 * store photos sideways and set this tag; stripping EXIF without applying it would show the
 * physician a rotated or mirrored rash. Anything malformed counts as "no rotation": the tag is a
 * display hint, not a reason to refuse a photo.
 */
final class ExifOrientation {
    /** Orientation 1: stored as displayed. */
    static final int NORMAL = 1;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {
    }

    /** The orientation 1..8 of a JPEG, or {@link #NORMAL}. */
    static int of(byte[] jpeg) {
        int pos = 2; // after SOI
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                return NORMAL;
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte before a marker
                pos++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan / end of image: no metadata after
                return NORMAL;
            }
            int end = pos + 2 + u16(jpeg, pos + 2, false);
            if (end <= pos + 3 || end > jpeg.length) {
                return NORMAL;
            }
            if (marker == 0xE1 && startsWith(jpeg, pos + 4, end)) {
                return fromTiff(jpeg, pos + 4 + EXIF_HEADER.length, end);
            }
            pos = end;
        }
        return NORMAL;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return NORMAL;
        }
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return NORMAL;
        }
        long offset = u32(b, tiff + 4, little);
        if (offset < 8 || offset > end - tiff - 2) {
            return NORMAL;
        }
        int ifd = tiff + (int) offset;
        int count = u16(b, ifd, little);
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(b, entry, little) == ORIENTATION_TAG && u16(b, entry + 2, little) == TYPE_SHORT) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static boolean startsWith(byte[] b, int from, int end) {
        if (from + EXIF_HEADER.length > end) {
            return false;
        }
        for (int i = 0; i < EXIF_HEADER.length; i++) {
            if (b[from + i] != EXIF_HEADER[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? second << 8 | first : first << 8 | second;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long high = u16(b, little ? at + 2 : at, little);
        long low = u16(b, little ? at : at + 2, little);
        return high << 16 | low;
    }
}
