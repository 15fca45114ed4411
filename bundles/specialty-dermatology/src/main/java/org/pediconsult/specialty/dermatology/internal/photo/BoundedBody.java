package org.pediconsult.specialty.dermatology.internal.photo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.pediconsult.platform.api.ProblemException;

/**
 * Reads a request body into memory, but never more than the limit plus one byte. The platform's
 * {@code @BodyLimit} already cuts oversized bodies; this is the bundle's own guarantee, which holds
 * even if the platform's limit is configured differently, and answers with a photo-specific code.
 */
public final class BoundedBody {
    private BoundedBody() {
    }

    /** @throws ProblemException 413 {@code photo_too_large} when the body is longer than {@code maxBytes} */
    public static byte[] read(InputStream in, long maxBytes) {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new ProblemException(413, "photo_too_large",
                            "a photo may be at most " + maxBytes + " bytes (5 MiB); send a smaller JPEG or PNG", "body");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the photo body failed", e);
        }
        return out.toByteArray();
    }
}
