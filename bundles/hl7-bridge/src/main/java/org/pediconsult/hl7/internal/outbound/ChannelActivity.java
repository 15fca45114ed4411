package org.pediconsult.hl7.internal.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.pediconsult.hl7.internal.common.LatencyWindow;

/**
 * What an outbound channel's delivery thread is doing and has done since the channel started, for
 * operations ({@link OutboundChannel#state}, {@link OutboundChannel#lastError}, {@link OutboundChannel#metrics}):
 * its {@link Activity}, the last error and when it happened, the messages accepted, the
 * failed attempts and the ACK latency. Written by the delivery thread, read by any.
 */
final class ChannelActivity {
    /** What the delivery thread is doing ({@link OutboundChannel#state}). */
    enum Activity {
        /** Nothing is due. */
        IDLE,
        /** A message is on its way (or waiting for its ACK). */
        SENDING,
        /** The receiver is unreachable: waiting before trying again. */
        RETRYING,
        /** Another node holds the channel's delivery lease. */
        STANDBY
    }

    private final Clock clock;
    private volatile Activity state = Activity.IDLE;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private final AtomicLong sentSinceStart = new AtomicLong();
    private final AtomicLong failedAttemptsSinceStart = new AtomicLong();
    private final LatencyWindow ackLatency = new LatencyWindow(1024);

    ChannelActivity(Clock clock) {
        this.clock = clock;
    }

    /** What the delivery thread is doing now. */
    void is(Activity activity) {
        state = activity;
    }

    Activity state() {
        return state;
    }

    void failed(String error) {
        lastError = error;
        lastErrorAt = clock.instant();
    }

    /** A failed attempt of a message (not an unreachable receiver: that counts no attempt). */
    void failedAttempt() {
        failedAttemptsSinceStart.incrementAndGet();
    }

    /** A message the receiver accepted. */
    void sent() {
        sentSinceStart.incrementAndGet();
    }

    /** From sending a message to its answer. */
    void answeredAfter(double millis) {
        ackLatency.add(millis);
    }

    String lastError() {
        return lastError;
    }

    Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Since this channel started: messages accepted, failed attempts, ACK latency (ms) over the last 1,024 sends. */
    java.util.Map<String, Object> metrics() {
        double[] l = ackLatency.summary();
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("sentSinceStart", sentSinceStart.get());
        m.put("failedAttemptsSinceStart", failedAttemptsSinceStart.get());
        m.put("ackLatencyP50Ms", Math.round(l[1] * 10) / 10.0);
        m.put("ackLatencyP99Ms", Math.round(l[2] * 10) / 10.0);
        m.put("ackLatencyMaxMs", Math.round(l[3] * 10) / 10.0);
        return m;
    }
}
