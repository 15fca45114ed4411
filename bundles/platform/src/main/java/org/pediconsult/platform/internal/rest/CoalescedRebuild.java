package org.pediconsult.platform.internal.rest;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@code rebuild} on a thread of its own, {@code delayMillis} after the first {@link #request} not yet
 * served, once for every request made meanwhile. A request never waits: not for the delay, and not for a
 * rebuild under way (which may take long and hold the caller's lock), since the pending flag is not guarded by
 * that lock. A request made once a rebuild has begun schedules the next one, so nothing requested is missed.
 */
final class CoalescedRebuild {
    private final Object lock;
    private final Runnable rebuild;
    private final long delayMillis;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService thread;
    private volatile boolean stopped;

    /** @param lock held while {@code rebuild} runs (the owner's lock, which {@link #stop} callers may hold) */
    CoalescedRebuild(String threadName, Object lock, long delayMillis, Runnable rebuild) {
        this.lock = lock;
        this.rebuild = rebuild;
        this.delayMillis = delayMillis;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    void request() {
        if (stopped || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.schedule(() -> {
                // cleared before the rebuild looks at anything: a request from here on schedules the next rebuild
                pending.set(false);
                synchronized (lock) {
                    if (!stopped) {
                        rebuild.run();
                    }
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.set(false); // stopped meanwhile
        }
    }

    /** No rebuild starts after this returns (one under way finishes: call it holding the lock to wait for that). */
    void stop() {
        stopped = true;
        thread.shutdownNow();
    }
}
