package org.pediconsult.platform.internal.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One limit (so many calls per period) for many keys: a Bucket4j token bucket per key, created on
 * first use. Memory stays bounded: a key idle for a whole period is forgotten (its bucket would be
 * full again, so nothing is lost), and beyond {@code maxKeys} keys the newcomers share one overflow
 * bucket instead of getting their own.
 */
final class KeyedBuckets {
    static final String OVERFLOW = "*";

    private final String name;
    private final long limit;
    private final Duration period;
    private final int maxKeys;
    private final TimeMeter time;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    /** A key's bucket and when it was last used; {@code refusing} marks a run of refusals (logged once). */
    static final class Entry {
        final Bucket bucket;
        volatile long lastUsedNanos;
        volatile boolean refusing;

        Entry(Bucket bucket, long now) {
            this.bucket = bucket;
            this.lastUsedNanos = now;
        }
    }

    /** The outcome of one call: consumed, or refused with the nanoseconds until a permit is back. */
    record Outcome(boolean allowed, long nanosToWait, boolean firstRefusal) {
    }

    KeyedBuckets(String name, long limit, Duration period, int maxKeys, TimeMeter time) {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(name + ": the limit and the period must be positive");
        }
        this.name = name;
        this.limit = limit;
        this.period = period;
        this.maxKeys = Math.max(1, maxKeys);
        this.time = time;
    }

    String name() {
        return name;
    }

    long limit() {
        return limit;
    }

    Duration period() {
        return period;
    }

    Outcome take(String key) {
        long now = time.currentTimeNanos();
        Entry entry = buckets.get(key);
        if (entry == null) {
            if (buckets.size() >= maxKeys) {
                forgetIdle();
            }
            String slot = buckets.size() >= maxKeys ? OVERFLOW : key;
            entry = buckets.computeIfAbsent(slot, k -> new Entry(newBucket(), now));
        }
        entry.lastUsedNanos = now;
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            entry.refusing = false;
            return new Outcome(true, 0, false);
        }
        boolean first = !entry.refusing;
        entry.refusing = true;
        return new Outcome(false, probe.getNanosToWaitForRefill(), first);
    }

    /** Drops the keys idle for at least a period: their buckets are full again, as a new one would be. */
    int forgetIdle() {
        long now = time.currentTimeNanos();
        long idle = period.toNanos();
        int before = buckets.size();
        buckets.values().removeIf(e -> now - e.lastUsedNanos >= idle);
        return before - buckets.size();
    }

    int size() {
        return buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, period))
                .withCustomTimePrecision(time)
                .build();
    }
}
