package org.pediconsult.pharmacy.internal.delivery.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.pediconsult.pharmacy.internal.delivery.rules.ColdChainPolicy.Invalid;
import org.pediconsult.pharmacy.internal.delivery.rules.ColdChainPolicy.Reading;

class ColdChainPolicyTest {

    private static final Instant NOW = Instant.parse("2025-05-10T08:00:00Z");

    @Test
    void edgesAreInRange() {
        assertTrue(ColdChainPolicy.inRange(2.0, 2.0, 8.0));
        assertTrue(ColdChainPolicy.inRange(8.0, 2.0, 8.0));
        assertTrue(ColdChainPolicy.inRange(5.0, 2.0, 8.0));
        assertFalse(ColdChainPolicy.inRange(1.9, 2.0, 8.0));
        assertFalse(ColdChainPolicy.inRange(8.1, 2.0, 8.0));
        assertFalse(ColdChainPolicy.inRange(Double.NaN, 2.0, 8.0));
    }

    @Test
    void noExcursionInAnInRangeBatch() {
        List<Reading> readings = List.of(reading("r1", 0, 2.0), reading("r2", 1, 8.0), reading("r3", 2, 4.5));
        assertEquals(Optional.empty(), ColdChainPolicy.firstExcursion(readings, 2.0, 8.0));
        assertEquals(Optional.empty(), ColdChainPolicy.firstExcursion(List.of(), 2.0, 8.0));
    }

    @Test
    void firstExcursionIsTheEarliestOutOfRange() {
        Reading warm = reading("r3", 3, 8.1);
        Reading cold = reading("r2", 2, 1.9);
        List<Reading> readings = List.of(reading("r1", 1, 5.0), warm, cold, reading("r4", 4, 9.0));
        assertEquals(Optional.of(cold), ColdChainPolicy.firstExcursion(readings, 2.0, 8.0));
    }

    @Test
    void validReadingsPass() {
        List<Reading> readings = List.of(reading("r1", -60, 4.0),
                new Reading("r2", NOW.plus(ColdChainPolicy.MAX_CLOCK_SKEW), -3.0));
        assertEquals(Optional.empty(), ColdChainPolicy.invalid(readings, NOW));
    }

    @Test
    void readingMoreThanFiveMinutesAheadIsInvalid() {
        Instant tooLate = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1);
        List<Reading> readings = List.of(reading("r1", 0, 4.0), new Reading("r2", tooLate, 4.0));
        Invalid bad = ColdChainPolicy.invalid(readings, NOW).orElseThrow();
        assertEquals(1, bad.index());
        assertEquals("r2", bad.readingId());
        assertEquals("at", bad.field());
        assertTrue(bad.messageEn().contains("r2"), bad.messageEn());
        assertTrue(bad.messageZh().contains("r2"), bad.messageZh());
    }

    @Test
    void nonFiniteTemperatureIsInvalid() {
        for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Invalid bad = ColdChainPolicy.invalid(List.of(reading("r1", 0, 4.0), reading("r9", 0, value)), NOW)
                    .orElseThrow();
            assertEquals("r9", bad.readingId());
            assertEquals("celsius", bad.field());
            assertTrue(bad.messageEn().contains("r9"), bad.messageEn());
        }
    }

    @Test
    void missingIdOrTimeIsInvalid() {
        assertEquals("readingId", ColdChainPolicy.invalid(List.of(reading(" ", 0, 4.0)), NOW).orElseThrow().field());
        assertEquals("readingId", ColdChainPolicy.invalid(Arrays.asList((Reading) null), NOW).orElseThrow().field());
        assertEquals("at", ColdChainPolicy.invalid(List.of(new Reading("r1", null, 4.0)), NOW).orElseThrow().field());
    }

    private static Reading reading(String id, int minutesFromNow, double celsius) {
        return new Reading(id, NOW.plus(Duration.ofMinutes(minutesFromNow)), celsius);
    }
}
