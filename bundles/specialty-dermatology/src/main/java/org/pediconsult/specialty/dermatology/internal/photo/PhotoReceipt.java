package org.pediconsult.specialty.dermatology.internal.photo;

/**
 * The answer to an upload (JSON): the id to put into the questionnaire's {@code photos} answer and
 * what was actually stored (after re-encoding the size differs from the upload).
 */
public final class PhotoReceipt {
    public String id;
    public String contentType;
    public int width;
    public int height;
    public int byteSize;

    public PhotoReceipt() {
    }

    PhotoReceipt(String id, String contentType, int width, int height, int byteSize) {
        this.id = id;
        this.contentType = contentType;
        this.width = width;
        this.height = height;
        this.byteSize = byteSize;
    }
}
