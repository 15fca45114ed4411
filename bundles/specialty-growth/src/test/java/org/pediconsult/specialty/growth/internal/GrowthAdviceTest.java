package org.pediconsult.specialty.growth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GrowthAdviceTest {
    @Test
    void ordinalsReadAsEnglish() {
        assertEquals("1st", GrowthAdvice.ordinal(1));
        assertEquals("2nd", GrowthAdvice.ordinal(2));
        assertEquals("3rd", GrowthAdvice.ordinal(3));
        assertEquals("11th", GrowthAdvice.ordinal(11));
        assertEquals("12th", GrowthAdvice.ordinal(12));
        assertEquals("22nd", GrowthAdvice.ordinal(22));
        assertEquals("50th", GrowthAdvice.ordinal(50));
    }

    @Test
    void zScoresAreSignedWithOneDecimalAndNeverMinusZero() {
        assertEquals("0.0", GrowthAdvice.fmt(-0.04));
        assertEquals("-1.3", GrowthAdvice.fmt(-1.26));
        assertEquals("+2.0", GrowthAdvice.fmt(1.96));
    }
}
