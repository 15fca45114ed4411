package org.pediconsult.specialty.dermatology.internal.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.ProblemException;

class BoundedBodyTest {
    @Test
    void exactly5MiBIsRead() {
        byte[] body = new byte[5_242_880];
        assertEquals(body.length, BoundedBody.read(new ByteArrayInputStream(body), RashPhotos.MAX_UPLOAD_BYTES).length);
    }

    @Test
    void oneByteMoreIs413PhotoTooLarge() {
        byte[] body = new byte[5_242_881];
        ProblemException e = assertThrows(ProblemException.class,
                () -> BoundedBody.read(new ByteArrayInputStream(body), RashPhotos.MAX_UPLOAD_BYTES));
        assertEquals(413, e.status());
        assertEquals("photo_too_large", e.code());
    }

    @Test
    void noBodyIsEmpty() {
        assertEquals(0, BoundedBody.read(null, 10).length);
    }
}
