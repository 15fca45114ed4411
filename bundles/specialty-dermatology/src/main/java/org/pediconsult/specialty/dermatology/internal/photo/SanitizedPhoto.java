package org.pediconsult.specialty.dermatology.internal.photo;

/** A re-encoded photo: pixels only, no metadata, upright. */
public final class SanitizedPhoto {
    public final ImageKind kind;
    public final byte[] bytes;
    public final int width;
    public final int height;

    SanitizedPhoto(ImageKind kind, byte[] bytes, int width, int height) {
        this.kind = kind;
        this.bytes = bytes;
        this.width = width;
        this.height = height;
    }
}
