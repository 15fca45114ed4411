package org.pediconsult.specialty.dermatology.internal.photo;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.pediconsult.platform.api.ProblemException;

/**
 * The limits of {@link PhotoConfig} in force, and the decode turns: a fair semaphore with one
 * permit per parallel decode, so decodes never hold more than the budget between them.
 */
final class PhotoLimits {
    final int maxSidePx;
    final long maxPixels;
    /** Memory one decode may take: the budget divided by the parallel decodes. */
    final long bytesPerDecode;
    final boolean subsample;
    private final Semaphore turns;
    private final long waitMillis;

    PhotoLimits(int maxSidePx, long maxPixels, long budgetBytes, int concurrent, long waitMillis, boolean subsample) {
        if (maxSidePx < 1 || maxPixels < 1 || concurrent < 1 || waitMillis < 0) {
            throw new IllegalArgumentException("photo limits must be positive");
        }
        long budget = budgetBytes > 0 ? budgetBytes : Runtime.getRuntime().maxMemory() * 3 / 10;
        this.maxSidePx = maxSidePx;
        this.maxPixels = maxPixels;
        this.bytesPerDecode = budget / concurrent;
        this.subsample = subsample;
        this.turns = new Semaphore(concurrent, true);
        this.waitMillis = waitMillis;
    }

    static PhotoLimits of(PhotoConfig c) {
        return new PhotoLimits(c.photo_max_side_px(), c.photo_max_pixels(), c.photo_decode_budget_bytes(),
                c.photo_decodes_concurrent(), c.photo_decode_wait_seconds() * 1000L, c.photo_subsample());
    }

    /** The shipped defaults (etc/org.pediconsult.dermatology.cfg). */
    static PhotoLimits defaults() {
        return new PhotoLimits(8000, 24_000_000L, 0, 1, 30_000, true);
    }

    /** Waits for a decode turn; 503 {@code photo_decoder_busy} when none comes in time. */
    void acquire() {
        boolean got;
        try {
            got = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new ProblemException(503, "photo_decoder_busy",
                    "the server is busy processing other photos; try again in a minute");
        }
    }

    void release() {
        turns.release();
    }

    /** For tests: takes every turn, as long decodes in progress would. */
    void occupyAll() {
        turns.acquireUninterruptibly(turns.availablePermits());
    }
}
