package org.pediconsult.hl7.internal.common;

/**
 * The bridge's one retry policy, an exponential backoff: the first delay, then each delay
 * {@code multiplier} times the one before (cut to whole milliseconds), at most {@code max}; back to the
 * first after a success ({@link #reset}). The first delay itself is used as given, also when it is
 * above {@code max} (the next one is then {@code max}). Used by the inbound processor (1 s doubling to
 * 30 s, {@link org.pediconsult.hl7.internal.inbound.InboundProcessor}) and by the outbound channels
 * (their {@code retry.*} settings, for failed attempts and for an unreachable receiver,
 * {@link org.pediconsult.hl7.internal.outbound.OutboundChannel}).
 *
 * <p>Not thread-safe: one instance per thread that waits (the delivery or processing thread).
 */
public final class Backoff {
    private final long firstMs;
    private final double multiplier;
    private final long maxMs;
    private long current;

    /** Doubling from {@code firstMs} to at most {@code maxMs}. */
    public Backoff(long firstMs, long maxMs) {
        this(firstMs, 2.0, maxMs);
    }

    /** @param multiplier at least 1 (a caller taking it from configuration clamps it first) */
    public Backoff(long firstMs, double multiplier, long maxMs) {
        if (firstMs < 0 || maxMs < 0 || multiplier < 1.0) {
            throw new IllegalArgumentException("backoff " + firstMs + " ms x " + multiplier + " up to " + maxMs + " ms");
        }
        this.firstMs = firstMs;
        this.multiplier = multiplier;
        this.maxMs = maxMs;
        this.current = firstMs;
    }

    /** The delay to wait before the next attempt (ms), without moving on. */
    long current() {
        return current;
    }

    /** The delay to wait now (ms, {@link #current}); the one after it grows by the multiplier, at most max. */
    public long next() {
        long delay = current;
        current = grow(current);
        return delay;
    }

    /** After a success: the next delay is the first again. */
    public void reset() {
        current = firstMs;
    }

    /**
     * The delay after {@code failures} failures in a row (1: the first delay), i.e. what {@link #next}
     * answers the {@code failures}-th time after a {@link #reset}; this backoff's own state is left as it is.
     */
    public long afterFailures(int failures) {
        long delay = firstMs;
        for (int i = 1; i < failures; i++) {
            delay = grow(delay);
        }
        return delay;
    }

    private long grow(long delay) {
        return Math.min((long) (delay * multiplier), maxMs);
    }

    @Override
    public String toString() {
        return "Backoff[" + firstMs + " ms x " + multiplier + " up to " + maxMs + " ms, now " + current + " ms]";
    }
}
