package org.pediconsult.platform.internal.ratelimit;

import java.time.Duration;

import io.github.bucket4j.TimeMeter;

/** Bucket4j time that tests move by hand. */
final class FakeTime implements TimeMeter {
    private long nanos = 1_000_000_000L;

    void advance(Duration d) {
        nanos += d.toNanos();
    }

    @Override
    public long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
