package org.pediconsult.hl7.internal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.internal.inbound.InboundProcessor;

class BackoffTest {
    private static List<Long> next(Backoff b, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(b.next());
        }
        return out;
    }

    /** The inbound processor's policy: 1 s doubling to 30 s, back to 1 s after a success. */
    @Test
    void doublesFromTheFirstDelayUpToTheMaxAndStartsOverAfterAReset() {
        Backoff b = new Backoff(InboundProcessor.FIRST_BACKOFF_MS, InboundProcessor.MAX_BACKOFF_MS);
        assertEquals(1_000, b.current(), "the first delay before any failure");
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L), next(b, 7));
        assertEquals(30_000, b.current(), "stays at the max");
        b.reset();
        assertEquals(1_000, b.current());
        assertEquals(List.of(1_000L, 2_000L), next(b, 2));
    }

    @Test
    void currentIsWhatNextAnswersWithoutMovingOn() {
        Backoff b = new Backoff(50, 30_000);
        assertEquals(50, b.current());
        assertEquals(50, b.current());
        assertEquals(50, b.next());
        assertEquals(100, b.current());
        assertEquals(100, b.next());
    }

    /** The outbound defaults (5 s, x2, 300 s) and a fractional multiplier, cut to whole milliseconds each step. */
    @Test
    void aMultiplierOtherThanTwoIsAppliedToTheDelayBeforeAndCut() {
        assertEquals(List.of(5_000L, 10_000L, 20_000L, 40_000L, 80_000L, 160_000L, 300_000L, 300_000L),
                next(new Backoff(5_000, 2.0, 300_000), 8));
        assertEquals(List.of(10L, 15L, 22L, 33L, 49L, 50L), next(new Backoff(10, 1.5, 50), 6));
        assertEquals(List.of(10L, 10L, 10L), next(new Backoff(10, 1.0, 50), 3), "x1: a fixed delay");
    }

    /** A first delay above the max is used once; the next one is the max (as the outbound channel always did). */
    @Test
    void theFirstDelayIsNotCutToTheMax() {
        assertEquals(List.of(500L, 100L, 100L), next(new Backoff(500, 100), 3));
    }

    /** What an outbound message waits after its n-th failed attempt, the same as n calls of next(). */
    @Test
    void afterFailuresIsTheNthDelayAndLeavesTheStateAlone() {
        Backoff b = new Backoff(5_000, 2.0, 300_000);
        assertEquals(5_000, b.afterFailures(1));
        assertEquals(10_000, b.afterFailures(2));
        assertEquals(160_000, b.afterFailures(6));
        assertEquals(300_000, b.afterFailures(7));
        assertEquals(300_000, b.afterFailures(100));
        assertEquals(5_000, b.afterFailures(0), "no failure yet: the first delay");
        assertEquals(5_000, b.current(), "unchanged");
        Backoff walked = new Backoff(10, 1.5, 50);
        for (int n = 1; n <= 8; n++) {
            assertEquals(new Backoff(10, 1.5, 50).afterFailures(n), walked.next(), "failure " + n);
        }
    }

    @Test
    void refusesAMultiplierBelowOneAndNegativeDelays() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 0.5, 100));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(-1, 100));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(10, -1));
    }
}
