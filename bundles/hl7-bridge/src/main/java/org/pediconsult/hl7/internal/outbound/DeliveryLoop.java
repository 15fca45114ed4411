package org.pediconsult.hl7.internal.outbound;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.pediconsult.hl7.internal.common.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbound channel's delivery thread ({@code hl7-out-<name>}): while this node holds the channel's
 * delivery lease it takes the next due message from the store and makes one {@link DeliveryAttempt} at a
 * time; it waits when nothing is due, in STANDBY while another node holds the lease, and with the
 * exponential delay ({@link Backoff#next}, reset once reached) while the receiver is unreachable.
 * {@link #wake} cuts a wait short (new messages were committed).
 */
final class DeliveryLoop {
    // the log category stays OutboundChannel's, as before the channel was split (log lines, log settings)
    private static final Logger LOG = LoggerFactory.getLogger(OutboundChannel.class);

    /** How long a node's delivery lease lasts without renewal; a standby node takes over after it. */
    static final Duration LEASE = Duration.ofSeconds(30);

    private final OutboundChannelConfig config;
    private final OutboundStore store;
    private final Clock clock;
    /** The channel's retry policy; here the wait while the receiver is unreachable, on this thread only. */
    private final Backoff backoff;
    private final ChannelActivity activity;
    private final DeliveryAttempt attempt;
    private final Thread worker;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running = true;
    private final String node = java.util.UUID.randomUUID().toString();
    private Instant leaseRenewed = Instant.EPOCH;

    DeliveryLoop(OutboundChannelConfig config, OutboundStore store, Clock clock, Backoff backoff,
                 ChannelActivity activity, DeliveryAttempt attempt) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.backoff = backoff;
        this.activity = activity;
        this.attempt = attempt;
        this.worker = new Thread(this::deliverLoop, "hl7-out-" + config.name());
        worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    /** Wakes the delivery thread (new messages were committed). */
    void wake() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True while this node holds the channel's delivery lease (renewed every few seconds). */
    private boolean leader(Instant now) throws SQLException {
        if (Duration.between(leaseRenewed, now).compareTo(LEASE.dividedBy(3)) < 0) {
            return true;
        }
        if (store.lease(config.name(), node, now, now.plus(LEASE))) {
            leaseRenewed = now;
            return true;
        }
        leaseRenewed = Instant.EPOCH;
        return false;
    }

    private void deliverLoop() {
        while (running) {
            try {
                Instant now = clock.instant();
                if (!leader(now)) {
                    activity.is(ChannelActivity.Activity.STANDBY);
                    await(Duration.ofSeconds(2));
                    continue;
                }
                OutboundStore.Due due = store.nextDue(config.name(), now, now.minusMillis(config.settle_millis()));
                if (due == null) {
                    activity.is(ChannelActivity.Activity.IDLE);
                    await(Duration.ofMillis(200));
                    continue;
                }
                boolean reached = attempt.deliver(due);
                if (reached) {
                    backoff.reset();
                } else {
                    long delay = backoff.next();
                    activity.is(ChannelActivity.Activity.RETRYING);
                    await(Duration.ofMillis(delay));
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                activity.failed("delivery loop: " + e);
                LOG.warn("HL7 outbound channel {}: {}; retrying", config.name(), e.toString());
                await(Duration.ofSeconds(2));
            }
        }
    }

    private void await(Duration d) {
        lock.lock();
        try {
            if (running) {
                work.await(d.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread (waiting up to 10 s for the attempt under way) and gives the lease up. */
    void stop() throws InterruptedException {
        running = false;
        wake();
        // no interrupt: an interrupted thread inside H2 closes the database file
        worker.join(TimeUnit.SECONDS.toMillis(10));
        try {
            store.release(config.name(), node, clock.instant());
        } catch (SQLException e) {
            LOG.debug("HL7 outbound channel {}: lease not released ({}); it runs out by itself", config.name(), e.toString());
        }
    }
}
