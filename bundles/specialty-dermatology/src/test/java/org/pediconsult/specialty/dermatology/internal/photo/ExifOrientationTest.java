package org.pediconsult.specialty.dermatology.internal.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.dermatology.testing.TestImages;

class ExifOrientationTest {
    private final byte[] jpeg = TestImages.jpeg(8, 8);

    @Test
    void readsEachOrientation() {
        for (int o = 1; o <= 8; o++) {
            assertEquals(o, ExifOrientation.of(TestImages.afterSoi(jpeg, TestImages.exifApp1(o, "x"))));
        }
    }

    @Test
    void noExifOrOutOfRangeMeansNormal() {
        assertEquals(1, ExifOrientation.of(jpeg));
        assertEquals(1, ExifOrientation.of(TestImages.afterSoi(jpeg, TestImages.exifApp1(9, "x"))));
        assertEquals(1, ExifOrientation.of(TestImages.afterSoi(jpeg, TestImages.exifApp1(0, "x"))));
    }

    @Test
    void truncatedSegmentsNeverThrow() {
        byte[] withExif = TestImages.afterSoi(jpeg, TestImages.exifApp1(6, "x"));
        for (int cut = 2; cut < 80; cut++) {
            int orientation = ExifOrientation.of(Arrays.copyOf(withExif, cut));
            assertEquals(true, orientation == 1 || orientation == 6, "cut at " + cut);
        }
    }
}
