package org.pediconsult.specialty.dermatology.internal.photo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two image formats accepted: what the bytes say (magic numbers), and which media type and file
 * extensions may claim them. The bytes decide; a claim that disagrees is refused, because a
 * mislabelled file is either a mistake or an attempt to smuggle something past a viewer.
 */
public enum ImageKind {
    JPEG("image/jpeg", "jpeg", List.of(".jpg", ".jpeg"), 0xFF, 0xD8, 0xFF),
    PNG("image/png", "png", List.of(".png"), 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);

    /** A body with no claim of its own (the client did not know the type). */
    static final String UNCLAIMED = "application/octet-stream";

    public final String mediaType;
    /** The ImageIO format name, used to pick the reader and writer explicitly, never by sniffing. */
    final String formatName;
    private final List<String> extensions;
    private final int[] magic;

    ImageKind(String mediaType, String formatName, List<String> extensions, int... magic) {
        this.mediaType = mediaType;
        this.formatName = formatName;
        this.extensions = extensions;
        this.magic = magic;
    }

    /** The format the first bytes announce, if it is one we accept. */
    public static Optional<ImageKind> detect(byte[] bytes) {
        for (ImageKind kind : values()) {
            if (kind.startsWithMagic(bytes)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The stored media type back to its kind (for reads). */
    public static ImageKind ofMediaType(String mediaType) {
        for (ImageKind kind : values()) {
            if (kind.mediaType.equals(mediaType)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a photo media type: " + mediaType);
    }

    private boolean startsWithMagic(byte[] bytes) {
        if (bytes == null || bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when the declared Content-Type (parameters ignored) names this kind or makes no claim. */
    boolean acceptsDeclared(String declaredMediaType) {
        if (declaredMediaType == null || declaredMediaType.isBlank()) {
            return true;
        }
        String bare = declaredMediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return bare.equals(mediaType) || bare.equals(UNCLAIMED);
    }

    /** True when the file name ends with one of this kind's extensions, in any case. */
    boolean matchesFilename(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(lower::endsWith);
    }
}
