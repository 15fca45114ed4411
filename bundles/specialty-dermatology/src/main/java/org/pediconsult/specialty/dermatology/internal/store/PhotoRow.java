package org.pediconsult.specialty.dermatology.internal.store;

import java.time.Instant;

/** One row of {@code derm_photo}; {@link #content} is null when only the metadata was read. */
public final class PhotoRow {
    public final String id;
    public final String childId;
    public final String uploadedBy;
    public final String contentType;
    public final int byteSize;
    public final String sha256;
    public final int width;
    public final int height;
    public final Instant createdAt;
    public final byte[] content;

    public PhotoRow(String id, String childId, String uploadedBy, String contentType, int byteSize, String sha256,
                    int width, int height, Instant createdAt, byte[] content) {
        this.id = id;
        this.childId = childId;
        this.uploadedBy = uploadedBy;
        this.contentType = contentType;
        this.byteSize = byteSize;
        this.sha256 = sha256;
        this.width = width;
        this.height = height;
        this.createdAt = createdAt;
        this.content = content;
    }
}
