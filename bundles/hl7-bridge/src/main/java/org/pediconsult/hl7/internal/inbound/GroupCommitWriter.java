package org.pediconsult.hl7.internal.inbound;

import static org.pediconsult.hl7.internal.inbound.InFlightClaims.ackFor;
import static org.pediconsult.hl7.internal.inbound.MessageStore.insertKey;
import static org.pediconsult.hl7.internal.inbound.MessageStore.insertRow;
import static org.pediconsult.hl7.internal.inbound.MessageStore.prepareKey;
import static org.pediconsult.hl7.internal.inbound.MessageStore.prepareRow;
import static org.pediconsult.hl7.internal.inbound.MessageStore.rollbackQuietly;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.pediconsult.hl7.internal.inbound.InFlightClaims.Key;
import org.pediconsult.hl7.internal.inbound.MessageStore.Entry;
import org.pediconsult.hl7.internal.inbound.MessageStore.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store's writer thread: every frame's row in {@code hl7_message}, and for the first of each
 * (channel, sender, MSH-10) its key in {@code hl7_inbound_key} in the same transaction, committed in
 * groups before the ACKs go out.
 *
 * <p><b>Group commit.</b> Handler threads (one per connection: a connection's frames are answered in
 * order) hand their entries to {@link #store} / {@link #storeDuplicate} and wait; one writer thread
 * per store takes whatever is queued (at least one, at most {@link #MAX_BATCH}), and when other
 * deliveries have claimed their keys and are still being parsed it waits for them, at most
 * {@link #GROUP_WAIT_MICROS} (a lone connection never waits: nothing else is in flight). On two cores
 * the 8-connection HL7 run had groups of 1.0-1.8 messages, each paying a whole H2 chunk write and an
 * fsync (profiled, issue 18); waiting for the messages already on their way makes the groups as large
 * as the connections. Then it writes the lot in one transaction,
 * commits, forces the commit to disk (below), and only then completes each caller, who then
 * answers. A failed commit fails every caller of that batch (they answer AE "send again"); nothing
 * of that batch is acknowledged. Two copies of one key in a batch: the later one is stored as
 * DUPLICATE with the earlier one's ACK. A key already claimed by another transaction (a second
 * store on the same channel name, e.g. while a channel is being reconfigured) makes the batch fail
 * on the primary key; the batch is then rolled back and written one entry per transaction, where the
 * loser becomes a DUPLICATE with the winner's ACK. {@link InFlightClaims} keeps the keys in flight, so that
 * a copy arriving on another connection while the first is being processed waits for the first's
 * ACK instead of being processed again.
 *
 * <p><b>Durability.</b> On PostgreSQL a commit returns after the WAL is flushed (with the default
 * {@code synchronous_commit = on}). H2 (the embedded default, MVStore) never fsyncs on commit and,
 * with its default write delay, writes committed changes to the file only in a background thread
 * (up to ~0.5 s later): measured here, a process killed right after 5,000 commits kept ~1,100 of
 * them. So on H2 this store runs {@code CHECKPOINT SYNC} after each group commit (written pages and
 * an fsync; also covers whatever other bundles committed before it, e.g. the patient upsert), once
 * per group, and answers only after it. The platform-wide H2 settings are left as they are.
 */
final class GroupCommitWriter implements AutoCloseable {
    // the log category stays MessageStore's, as before the store was split (log lines, log settings)
    private static final Logger LOG = LoggerFactory.getLogger(MessageStore.class);
    /** Upper bound of entries written in one transaction. */
    static final int MAX_BATCH = 64;
    /** How long a group waits at most for deliveries in flight (claimed, not queued yet) to join it. */
    static final long GROUP_WAIT_MICROS = 1_000;

    private static final class Pending {
        final Entry entry;
        final String firstAck; // non-null: store as DUPLICATE with this ACK
        final CompletableFuture<Stored> done = new CompletableFuture<>();

        Pending(Entry entry, String firstAck) {
            this.entry = entry;
            this.firstAck = firstAck;
        }
    }

    private static final Pending STOP = new Pending(null, null);

    private final DataSource dataSource;
    private final String name;
    private final InFlightClaims claims;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    private volatile boolean writing; // the writer is writing a group
    private final Object idle = new Object();
    private Boolean checkpointSync; // decided on the first connection (writer thread only)
    private long statsSince = System.nanoTime(); // writer thread only, like the two counters
    private long statsGroups;
    private long statsMessages;

    GroupCommitWriter(DataSource dataSource, String name, InFlightClaims claims) {
        this.dataSource = dataSource;
        this.name = name;
        this.claims = claims;
        this.writer = new Thread(this::writeLoop, "pediconsult-hl7-store-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Waits (at most {@code maxMillis}) until the writer has nothing queued or in hand: background work
     * on the same database (the processor) gives way to the messages waiting for their ACK.
     */
    void awaitIdle(long maxMillis) {
        long until = System.nanoTime() + maxMillis * 1_000_000;
        synchronized (idle) {
            while ((writing || !queue.isEmpty()) && !closed) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    idle.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * How many entries are queued for the writer and not yet taken into a group. For tests: while the
     * writer is held inside a commit, this is what its next group will take (up to {@link #MAX_BATCH}).
     */
    int queued() {
        return queue.size();
    }

    /** Stops the writer; entries still queued fail (their senders get AE and resend). */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(new ArrayList<>(queue), new SQLException("HL7 message store closed"));
    }

    /**
     * Queues a message for the next group commit, as first of its key; completes after the commit
     * that stores it, as DUPLICATE (with the first ACK) when another delivery of the key won.
     */
    CompletableFuture<Stored> store(Entry e) {
        return enqueue(new Pending(e, null));
    }

    /** Queues a copy of an already received message, to be stored as DUPLICATE with the first one's ACK. */
    CompletableFuture<Stored> storeDuplicate(Entry e, String firstAck) {
        return enqueue(new Pending(e, firstAck));
    }

    private CompletableFuture<Stored> enqueue(Pending p) {
        if (closed) {
            p.done.completeExceptionally(new SQLException("HL7 message store closed"));
        } else {
            queue.add(p);
        }
        return p.done;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                awaitInFlight(batch);
            } catch (InterruptedException e) {
                failAll(batch, new SQLException("HL7 message store interrupted"));
                return;
            }
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                writing = true;
                try {
                    write(batch);
                } catch (Throwable t) {
                    LOG.error("HL7 store {}: group of {} not stored ({}); each sender is answered AE", name,
                            batch.size(), t.toString());
                    failAll(batch, t);
                } finally {
                    writing = false;
                    if (queue.isEmpty()) {
                        synchronized (idle) {
                            idle.notifyAll();
                        }
                    }
                }
            }
            if (stop) {
                return;
            }
        }
    }

    /**
     * Lets deliveries that have claimed their key and are still being handled join the group, until the
     * group holds as many entries as there are claims in flight, {@link #MAX_BATCH} or
     * {@link #GROUP_WAIT_MICROS} passed. (The writer ends a claim as soon as its key is written, see
     * {@link #write}, so while this group is being formed every claim in the map is a message in this
     * group or still on its way here.)
     */
    private void awaitInFlight(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + GROUP_WAIT_MICROS * 1_000;
        while (batch.size() < MAX_BATCH && batch.size() < claims.size() && !batch.contains(STOP)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private static void failAll(List<Pending> batch, Throwable t) {
        for (Pending p : batch) {
            if (p != STOP) {
                p.done.completeExceptionally(t);
            }
        }
    }

    /** One transaction for the whole group; one per entry when a key was already claimed elsewhere. */
    private void write(List<Pending> batch) throws SQLException {
        List<Stored> results = new ArrayList<>(batch.size());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, Map<Key, String>> firsts = new HashMap<>();
                try (PreparedStatement row = prepareRow(c); PreparedStatement key = prepareKey(c)) {
                    for (Pending p : batch) {
                        Entry e = p.entry;
                        String firstAck = p.firstAck;
                        if (firstAck == null && e.keyed()) {
                            firstAck = firsts.computeIfAbsent(e.channel, k -> new HashMap<>()).get(e.key());
                        }
                        if (firstAck != null) {
                            insertRow(row, e, InboundOutcome.DUPLICATE, firstAck);
                            results.add(new Stored(firstAck, true));
                            continue;
                        }
                        long id = insertRow(row, e, e.outcome, e.ack);
                        e.id = id; // the row's id, for the processor's hand-off (reset if the group rolls back)
                        if (e.keyed()) {
                            insertKey(key, e, id);
                            firsts.get(e.channel).put(e.key(), e.ack);
                        }
                        results.add(new Stored(e.ack, false));
                    }
                }
                c.commit();
            } catch (SQLException ex) {
                rollbackQuietly(c);
                for (Pending p : batch) {
                    p.entry.id = 0;
                }
                if (!uniqueViolation(ex)) {
                    throw ex;
                }
                LOG.info("HL7 store {}: a key of this group was claimed elsewhere; writing it one by one", name);
                results = writeOneByOne(c, batch);
            } finally {
                c.setAutoCommit(true);
            }
            forceToDisk(c);
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            Stored stored = results.get(i);
            if (p.firstAck == null && !stored.duplicate() && p.entry.keyed()) {
                // the key is stored: its claim ends here rather than when the handler thread gets to it,
                // so the map holds only claims on their way to the writer (awaitInFlight counts them);
                // the handler's release then finds it done
                claims.stored(p.entry.key(), stored.ack());
            }
            p.done.complete(stored);
        }
        statsGroups++;
        statsMessages += batch.size();
        long now = System.nanoTime();
        if (now - statsSince > 60_000_000_000L) {
            LOG.info("HL7 store {}: {} messages in {} group commits (mean group {}) in the last {} s", name,
                    statsMessages, statsGroups, String.format("%.1f", statsMessages / (double) statsGroups),
                    (now - statsSince) / 1_000_000_000L);
            statsSince = now;
            statsGroups = 0;
            statsMessages = 0;
        }
    }

    private List<Stored> writeOneByOne(Connection c, List<Pending> batch) throws SQLException {
        List<Stored> results = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Entry e = p.entry;
            if (p.firstAck == null) {
                try (PreparedStatement row = prepareRow(c); PreparedStatement key = prepareKey(c)) {
                    long id = insertRow(row, e, e.outcome, e.ack);
                    if (e.keyed()) {
                        insertKey(key, e, id);
                    }
                    c.commit();
                    e.id = id;
                    results.add(new Stored(e.ack, false));
                    continue;
                } catch (SQLException ex) {
                    rollbackQuietly(c);
                    if (!uniqueViolation(ex)) {
                        throw ex;
                    }
                }
            }
            String firstAck = p.firstAck != null ? p.firstAck : ackFor(c, e.channel, e.key().sender(), e.key().controlId());
            if (firstAck == null) {
                throw new SQLException("key of " + e.controlId + " is claimed but has no ACK");
            }
            try (PreparedStatement row = prepareRow(c)) {
                insertRow(row, e, InboundOutcome.DUPLICATE, firstAck);
            }
            c.commit();
            results.add(new Stored(firstAck, true));
        }
        return results;
    }

    /** H2 writes commits lazily and never fsyncs on its own: force them to disk (see the class comment). */
    private void forceToDisk(Connection c) throws SQLException {
        if (checkpointSync == null) {
            DatabaseMetaData meta = c.getMetaData();
            String url = String.valueOf(meta.getURL());
            checkpointSync = "H2".equals(meta.getDatabaseProductName()) && !url.startsWith("jdbc:h2:mem:");
            LOG.info("HL7 store {}: {}", name, checkpointSync ? "H2 file database: every group commit is followed by "
                    + "CHECKPOINT SYNC before the ACKs go out" : "commits are durable as the database makes them");
        }
        if (checkpointSync) {
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
        }
    }

    private static boolean uniqueViolation(SQLException ex) {
        for (SQLException e = ex; e != null; e = e.getNextException()) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
