package org.pediconsult.hl7.internal.inbound;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.pediconsult.hl7.internal.common.Backoff;
import org.pediconsult.platform.api.data.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes a channel's RECEIVED messages (stored and acknowledged, see {@link AckAfter#STORED}) from
 * the store: one thread per channel, started and stopped with it, taking them strictly in id order,
 * i.e. in order of arrival on the channel (an ADT before an ORU of the same patient is processed
 * first), each with {@link MessageProcessing#processStored} (the patient upsert / observation recording
 * that PROCESSED mode runs before its ACK).
 *
 * <p><b>Outcomes.</b> PROCESSED, or ERROR with the reason when retrying would not help (unknown
 * patient, a refused field); ERROR messages can be reprocessed ({@code POST .../reprocess}) and the
 * processor moves on. While the consultation service (or the contributed processor of the message's
 * type, {@link ContributedProcessors}) is absent the message stays RECEIVED and the
 * processor waits and retries it, 1 s doubling to 30 s ({@link Backoff}), without limit: nothing
 * behind it on the channel is processed meanwhile (order is kept). When the service is there but
 * processing fails unexpectedly (e.g. its database), the message is retried the same way
 * {@link #MAX_FAILURES} times in all and then becomes ERROR.
 *
 * <p><b>One transaction per batch.</b> Up to {@link #BATCH} messages ({@link #BATCH_H2} on H2), or what arrived within
 * {@link #FLUSH_MS}, are processed in one transaction of this processor: the consultation bundle's patient upsert
 * and every contributed processor work through the platform's {@code Tx}, which joins it ({@link Tx#joining}) as
 * a savepoint each, and their outcomes are recorded in it too, so the batch commits once instead of once per
 * processor and message (two commits per ADT^A04 before: the upsert and the claim bundle's coverage). A message
 * to be retried is rolled back to its own savepoint, so nothing of it stays. 16 messages at most on
 * PostgreSQL: each savepoint that writes is a subtransaction there, and a transaction of more than 64 of them
 * makes every other session's snapshots slower. H2 has no such limit, and each of its commits writes a chunk
 * of the file (about 2.5 ms of this thread's CPU): 64 there.
 *
 * <p><b>Crashes.</b> A message's processing and its PROCESSED commit together: if the process dies before the
 * batch committed, its messages are still RECEIVED after the restart and are processed again, and nothing of
 * the first attempt is there. So every acknowledged message is processed and marked PROCESSED once (the patient
 * upsert, by HIS identifier, and observation recording, by result key, are idempotent besides). RECEIVED
 * messages left from before a restart (or from when the channel acknowledged after processing) are picked up
 * when the processor starts.
 *
 * <p><b>Stopping.</b> With a flag and a wake-up, then a join: the thread is never interrupted, because
 * it may be inside H2, and an interrupted thread makes H2 close its file channel.
 */
public final class InboundProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(InboundProcessor.class);
    static final int BATCH = 16;
    static final int BATCH_H2 = 64;
    public static final long FIRST_BACKOFF_MS = 1_000;
    public static final long MAX_BACKOFF_MS = 30_000;
    /**
     * Outcomes are recorded in one transaction per batch of messages or after at most this long,
     * so a steady trickle does not cost an extra commit per message (an unrecorded outcome after a crash
     * only means the message is processed again).
     */
    static final long FLUSH_MS = 200;
    /**
     * Before each message the processor waits up to this long for the store writer to be idle: the
     * commits of messages waiting for their ACK go first (on H2 both share one store lock and the
     * disk), processing catches up in the gaps and after bursts.
     */
    static final long YIELD_MS = 10;
    /**
     * A message whose processing fails while the consultation service is there (an unexpected
     * exception, e.g. its database) is retried with the backoff this many times in all, then ERROR.
     */
    static final int MAX_FAILURES = 5;
    /** With nothing to do, look at the store this often even without a wake-up (e.g. rows of another store). */
    static final long IDLE_POLL_MS = 5_000;

    private final String channel;
    private final MessageStore store;
    private final InboundHandler handler;
    private final long firstBackoffMs;
    private final Object monitor = new Object();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private boolean woken; // guarded by monitor
    private volatile boolean running = true;
    private volatile String waitingFor; // why the head of the backlog waits, or null
    /** The batch's transaction, open from its first message until {@link #record}; this thread's only. */
    private final ProcessingBatch batch;

    InboundProcessor(String channel, MessageStore store, InboundHandler handler) {
        this(channel, store, handler, FIRST_BACKOFF_MS);
    }

    InboundProcessor(String channel, MessageStore store, InboundHandler handler, long firstBackoffMs) {
        this.channel = channel;
        this.store = store;
        this.handler = handler;
        this.firstBackoffMs = firstBackoffMs;
        this.batch = new ProcessingBatch(channel, store, handler);
        this.thread = new Thread(this::run, "pediconsult-hl7-process-" + channel);
        thread.setDaemon(true);
    }

    InboundProcessor start() {
        thread.start();
        return this;
    }

    /** New RECEIVED messages are there (or the consultation service may be back): look now. */
    void wake() {
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }

    /** Stops after the message in hand (flag and wake-up, never an interrupt), waiting up to 30 s. */
    void stop() {
        running = false;
        wake();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("channel {}: the HL7 processor did not stop within 30 s (still processing); left to finish", channel);
        }
    }

    long processedSinceStart() {
        return processed.get();
    }

    long failedSinceStart() {
        return failed.get();
    }

    /** Why the oldest RECEIVED message is waiting (e.g. the consultation service is absent), or null. */
    String waitingFor() {
        return waitingFor;
    }

    /** {@link #BATCH_H2} on H2, else {@link #BATCH}; {@link #BATCH} when the database cannot be asked. */
    private int batchSize() {
        try (Connection c = store.dataSource().getConnection()) {
            return "H2".equals(c.getMetaData().getDatabaseProductName()) ? BATCH_H2 : BATCH;
        } catch (SQLException | RuntimeException e) {
            return BATCH;
        }
    }

    private void run() {
        final int batchSize = batchSize();
        long after = 0; // messages up to this id are processed in the current pass (recorded or in done)
        Backoff backoff = new Backoff(firstBackoffMs, MAX_BACKOFF_MS);
        long flushBy = 0; // when the outcomes in done are recorded at the latest
        long failingId = -1; // the message whose processing failed (service present) and how often in a row
        int failures = 0;
        List<MessageStore.Entry> done = new ArrayList<>(batchSize);
        while (running) {
            if (!done.isEmpty() && (done.size() >= batchSize || System.currentTimeMillis() >= flushBy)) {
                if (!record(done)) {
                    after = 0; // not recorded: they are RECEIVED still and will be processed again (idempotent)
                    pause(backoff.next(), false);
                    continue;
                }
            }
            List<MessageStore.Entry> next;
            try {
                next = store.received(channel, after, batchSize);
            } catch (Exception | LinkageError e) {
                LOG.warn("channel {}: RECEIVED messages could not be read ({}); retrying", channel, e.toString());
                pause(backoff.next(), false);
                continue;
            }
            if (next.isEmpty()) {
                if (!done.isEmpty()) {
                    pause(Math.max(1, flushBy - System.currentTimeMillis()), true);
                    continue;
                }
                after = 0; // start the next pass from the beginning: nothing RECEIVED is ever skipped for good
                pause(IDLE_POLL_MS, true);
                continue;
            }
            String retryType = null;
            for (MessageStore.Entry e : next) {
                if (!running) {
                    break;
                }
                store.awaitIdle(YIELD_MS);
                MessageProcessing.Processed result;
                try {
                    result = batch.process(e);
                } catch (RuntimeException | LinkageError unexpected) {
                    LOG.warn("channel {}: message {} could not be processed ({}); will retry", channel, e.id,
                            unexpected.toString());
                    result = MessageProcessing.Processed.RETRY;
                }
                if (result == MessageProcessing.Processed.RETRY && handler.serviceAvailable(e.type)) {
                    // the service is there but failed: retried MAX_FAILURES times, then ERROR (a message
                    // that always fails must not hold the channel's processing forever)
                    failures = e.id == failingId ? failures + 1 : 1;
                    failingId = e.id;
                    if (failures >= MAX_FAILURES) {
                        e.outcome = InboundOutcome.ERROR;
                        e.error = "failed " + failures + " times, last: " + e.error;
                        LOG.warn("channel {}: message {} ({} control id {}) failed {} times; ERROR, moving on", channel,
                                e.id, e.type, e.controlId, failures);
                        result = MessageProcessing.Processed.ERROR;
                    }
                }
                if (result == MessageProcessing.Processed.RETRY) {
                    retryType = e.type;
                    break;
                }
                if (done.isEmpty()) {
                    flushBy = System.currentTimeMillis() + FLUSH_MS;
                }
                done.add(e);
                after = e.id;
            }
            if (retryType != null) {
                if (!record(done)) {
                    after = 0;
                }
                long delay = backoff.next();
                if (waitingFor == null) {
                    LOG.warn("channel {}: the service processing {} is not available or failing; RECEIVED messages wait (retry in {} ms)",
                            channel, retryType, delay);
                }
                waitingFor = "service processing " + retryType + " (consultation, or a contributed processor) not "
                        + "available or failing; retry in " + delay + " ms";
                pause(delay, false);
            } else {
                if (waitingFor != null) {
                    LOG.info("channel {}: processing RECEIVED messages again", channel);
                }
                waitingFor = null;
                backoff.reset();
            }
        }
        record(done); // stopping: what was processed is recorded (else it is processed again after the start)
    }

    /**
     * Records the outcomes in hand with their processing and commits the batch ({@link ProcessingBatch#commit});
     * false (and they stay RECEIVED, their processing rolled back) when that failed. {@code done} is emptied.
     */
    private boolean record(List<MessageStore.Entry> done) {
        try {
            if (!batch.commit(done)) {
                return false;
            }
            for (MessageStore.Entry e : done) {
                if (e.outcome == InboundOutcome.ERROR) {
                    failed.incrementAndGet();
                } else {
                    processed.incrementAndGet();
                }
            }
            return true;
        } finally {
            done.clear();
        }
    }

    /**
     * Waits up to {@code ms} or until stopped; when {@code wakeable}, also until new messages arrive
     * (a backoff is not cut short by arrivals, so a failing service is not hammered).
     */
    private void pause(long ms, boolean wakeable) {
        long until = System.currentTimeMillis() + ms;
        synchronized (monitor) {
            while (running && !(wakeable && woken)) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                try {
                    monitor.wait(left);
                } catch (InterruptedException e) {
                    // not expected (nobody interrupts this thread); keep the flag and stop waiting
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            woken = false;
        }
    }
}
