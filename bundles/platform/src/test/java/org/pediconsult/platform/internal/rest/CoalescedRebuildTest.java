package org.pediconsult.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CoalescedRebuildTest {
    private final Object lock = new Object();
    private final AtomicInteger rebuilds = new AtomicInteger();

    @Test
    void requestsWithinTheDelayGiveOneRebuild() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        // a delay far longer than 30 requests take, so that they surely fall within it
        CoalescedRebuild r = new CoalescedRebuild("test-rebuild", lock, 1_000, () -> {
            rebuilds.incrementAndGet();
            done.countDown();
        });
        for (int i = 0; i < 30; i++) {
            r.request();
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        Thread.sleep(300); // no second rebuild follows
        assertEquals(1, rebuilds.get());
        r.stop();
    }

    @Test
    void aRequestDuringARebuildDoesNotWaitForItAndGetsARebuildOfItsOwn() throws Exception {
        CountDownLatch rebuilding = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        CoalescedRebuild r = new CoalescedRebuild("test-rebuild", lock, 0, () -> {
            if (rebuilds.incrementAndGet() == 1) {
                rebuilding.countDown();
                await(mayFinish);
            } else {
                second.countDown();
            }
        });
        r.request();
        assertTrue(rebuilding.await(10, TimeUnit.SECONDS));
        // the first rebuild holds the lock and does not finish until told: a request from another thread returns
        Thread requester = new Thread(r::request);
        requester.start();
        requester.join(5_000);
        assertFalse(requester.isAlive(), "request() waited for the rebuild under way");
        mayFinish.countDown();
        assertTrue(second.await(10, TimeUnit.SECONDS), "the request made during the rebuild got no rebuild");
        assertEquals(2, rebuilds.get());
        r.stop();
    }

    @Test
    void nothingRunsAfterStop() throws Exception {
        CoalescedRebuild r = new CoalescedRebuild("test-rebuild-stop", lock, 100, rebuilds::incrementAndGet);
        r.request();
        Thread rebuilder = thread("test-rebuild-stop");
        r.stop();
        r.request();
        rebuilder.join(10_000); // the rebuild thread has ended: whatever was to run, ran
        assertFalse(rebuilder.isAlive());
        assertEquals(0, rebuilds.get());
    }

    @Test
    void aRebuildWaitingForTheLockWhileStopIsUnderWayDoesNotRun() throws Exception {
        CoalescedRebuild r = new CoalescedRebuild("test-rebuild-lock", lock, 0, rebuilds::incrementAndGet);
        Thread rebuilder;
        synchronized (lock) { // the owner's stop() holds its lock
            r.request();
            rebuilder = thread("test-rebuild-lock");
            for (int i = 0; i < 1000 && rebuilder.getState() != Thread.State.BLOCKED; i++) {
                Thread.sleep(5); // until the rebuild is due and waits for the lock
            }
            assertEquals(Thread.State.BLOCKED, rebuilder.getState());
            r.stop();
        }
        rebuilder.join(10_000);
        assertFalse(rebuilder.isAlive());
        assertEquals(0, rebuilds.get());
    }

    /** The rebuild thread of that name (started when the first rebuild was scheduled). */
    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
