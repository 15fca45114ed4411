package org.pediconsult.specialty.dermatology.internal.photo;

/** A photo as served back: its media type and its re-encoded bytes. */
public final class StoredPhoto {
    public final String contentType;
    public final byte[] bytes;

    StoredPhoto(String contentType, byte[] bytes) {
        this.contentType = contentType;
        this.bytes = bytes;
    }
}
