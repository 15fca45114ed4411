package org.pediconsult.hl7.internal.inbound;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HL7 message store. Every frame gets a row in {@code hl7_message}; the first of each
 * (channel, sender, MSH-10) also claims its key in {@code hl7_inbound_key} in the same transaction.
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
 * loser becomes a DUPLICATE with the winner's ACK. {@link #claim} keeps the keys in flight, so that
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
public final class MessageStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStore.class);
    public static final int MAX_RAW_CHARS = 1_000_000;
    /** Upper bound of entries written in one transaction. */
    static final int MAX_BATCH = 64;
    /** How long a group waits at most for deliveries in flight (claimed, not queued yet) to join it. */
    static final long GROUP_WAIT_MICROS = 1_000;

    /** One inbound message as stored. */
    static final class Entry {
        long id; // set when loaded
        String channel;
        String sender;
        String controlId;
        String type;
        String version;
        Instant receivedAt;
        String raw;
        InboundOutcome outcome;
        String error;
        String ack;
        /** The PediConsult child id(s) the message concerns, comma-separated, once processing found them (else null). */
        String patient;

        boolean keyed() {
            return sender != null && controlId != null && !controlId.isEmpty();
        }

        Key key() {
            return new Key(cut(sender, 200), cut(controlId, 199));
        }
    }

    /**
     * The patient column's value for these child ids: comma-separated, in order, as many as fit in the
     * column (an ORU with more patient groups than fit names the first ones); null for none.
     */
    static String patients(java.util.Collection<String> childIds) {
        StringBuilder out = new StringBuilder();
        for (String id : childIds) {
            if (out.length() + id.length() + 1 > PATIENT_CHARS) {
                break;
            }
            out.append(out.length() == 0 ? "" : ",").append(id);
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** hl7_message.patient is VARCHAR(200) (V2). */
    static final int PATIENT_CHARS = 200;

    /** (sender, MSH-10) as stored in the key table; the channel is the store's. */
    record Key(String sender, String controlId) {
    }

    /** What was stored for a caller: the ACK to send and whether it went in as a DUPLICATE. */
    record Stored(String ack, boolean duplicate) {
    }

    /**
     * The outcome of {@link #claim}: either this delivery is the first of its key ({@code first} is
     * true: complete {@link #release} once stored or failed), or the ACK of the first delivery, which
     * may still be on its way ({@code firstAck} completes when the first is stored).
     */
    record Claim(boolean first, CompletableFuture<String> firstAck) {
    }

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
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ConcurrentMap<Key, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();
    private final Thread writer;
    private volatile boolean closed;
    private volatile boolean writing; // the writer is writing a group
    private final Object idle = new Object();
    private Boolean checkpointSync; // decided on the first connection (writer thread only)
    private long statsSince = System.nanoTime(); // writer thread only, like the two counters
    private long statsGroups;
    private long statsMessages;

    MessageStore(DataSource dataSource) {
        this(dataSource, "hl7");
    }

    MessageStore(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
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
     * Claims a key for this delivery: when another delivery of the key is in flight or (with
     * {@code lookUpStored}) stored, answers its (future) ACK; else this delivery is first and must
     * {@link #release} the claim. With {@code lookUpStored} false, a key already stored is not looked up first: the delivery goes ahead as if first, and the key table's unique index
     * makes it a DUPLICATE with the first ACK when its group is written ({@link #writeOneByOne}). For
     * deliveries whose handling before the store has no effect outside it ({@code ack.after = STORED}),
     * this saves a query per message; a resend costs its group a rollback instead.
     */
    Claim claim(String channel, String sender, String controlId, boolean lookUpStored) throws SQLException {
        Key key = new Key(cut(sender, 200), cut(controlId, 199));
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> other = inFlight.putIfAbsent(key, mine);
        if (other != null) {
            return new Claim(false, other);
        }
        if (!lookUpStored) {
            return new Claim(true, mine);
        }
        String stored;
        try {
            stored = ackFor(channel, sender, controlId);
        } catch (SQLException | RuntimeException e) {
            release(key, mine, null, e);
            throw e;
        }
        if (stored != null) {
            release(key, mine, stored, null);
            return new Claim(false, CompletableFuture.completedFuture(stored));
        }
        return new Claim(true, mine);
    }

    /** Ends a first delivery's claim: copies waiting on it get {@code ack}, or fail with {@code failure}. */
    void release(Key key, CompletableFuture<String> claim, String ack, Throwable failure) {
        inFlight.remove(key, claim);
        if (failure != null) {
            claim.completeExceptionally(failure);
        } else {
            claim.complete(ack);
        }
    }

    /** The ACK given to the first message with this key, or null when there was none. */
    String ackFor(String channel, String sender, String controlId) throws SQLException {
        if (sender == null || controlId == null) {
            return null;
        }
        try (Connection c = dataSource.getConnection()) {
            return ackFor(c, channel, cut(sender, 200), cut(controlId, 199));
        }
    }

    private static String ackFor(Connection c, String channel, String sender, String controlId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ack FROM hl7_inbound_key WHERE channel = ? AND sender = ? AND control_id = ?")) {
            ps.setString(1, channel);
            ps.setString(2, sender);
            ps.setString(3, controlId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
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
        while (batch.size() < MAX_BATCH && batch.size() < inFlight.size() && !batch.contains(STOP)) {
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
                CompletableFuture<String> claim = inFlight.remove(p.entry.key());
                if (claim != null) {
                    claim.complete(stored.ack());
                }
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

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    /** The stored raw text and key of an inbound message of this channel, or null. */
    Entry load(String channel, long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sender, control_id, message_type, hl7_version, received_at, "
                     + "raw, outcome, ack, error FROM hl7_message WHERE id = ? AND channel = ? AND direction = 'IN'")) {
            ps.setLong(1, id);
            ps.setString(2, channel);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Entry e = new Entry();
                e.channel = channel;
                e.sender = rs.getString(1);
                e.controlId = rs.getString(2);
                e.type = rs.getString(3);
                e.version = rs.getString(4);
                e.receivedAt = rs.getTimestamp(5).toInstant();
                e.raw = rs.getString(6);
                e.outcome = InboundOutcome.valueOf(rs.getString(7)); // an IN row holds only these
                e.ack = rs.getString(8);
                e.error = rs.getString(9);
                e.id = id;
                return e;
            }
        }
    }

    /** Records the result of reprocessing: the row's outcome, error and ACK, and the key's ACK. */
    void updateOutcome(long id, Entry e) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE hl7_message SET outcome = ?, error = ?, ack = ?, patient = COALESCE(?, patient) WHERE id = ?")) {
                    ps.setString(1, name(e.outcome));
                    ps.setString(2, cut(e.error, 2000));
                    ps.setString(3, cut(e.ack, 4000));
                    ps.setString(4, e.patient);
                    ps.setLong(5, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE hl7_inbound_key SET ack = ? WHERE message_id = ?")) {
                    ps.setString(1, cut(e.ack, 4000));
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * The next RECEIVED messages of a channel (stored and acknowledged, not processed yet) with an id
     * above {@code afterId}, in id order, i.e. in order of arrival.
     */
    List<Entry> received(String channel, long afterId, int limit) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, sender, control_id, message_type, hl7_version, "
                     + "received_at, raw FROM hl7_message WHERE outcome = 'RECEIVED' AND channel = ? AND id > ? "
                     + "AND direction = 'IN' ORDER BY channel, outcome, id FETCH FIRST " + limit + " ROWS ONLY")) {
            // 'RECEIVED' is InboundOutcome.RECEIVED, a literal as when ix_hl7_message_backlog (V7) was made for
            // this query; ordered as that index is, so H2 reads the batch from the index in order
            ps.setString(1, channel);
            ps.setLong(2, afterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Entry e = new Entry();
                    e.id = rs.getLong(1);
                    e.channel = channel;
                    e.sender = rs.getString(2);
                    e.controlId = rs.getString(3);
                    e.type = rs.getString(4);
                    e.version = rs.getString(5);
                    e.receivedAt = rs.getTimestamp(6).toInstant();
                    e.raw = rs.getString(7);
                    e.outcome = InboundOutcome.RECEIVED;
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** How many messages of a channel are stored but not processed yet (RECEIVED). */
    long backlog(String channel) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement( // 'RECEIVED': InboundOutcome.RECEIVED
                     "SELECT COUNT(*) FROM hl7_message WHERE outcome = 'RECEIVED' AND channel = ?")) {
            ps.setString(1, channel);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Records what processing did to RECEIVED messages (outcome PROCESSED or ERROR, and the error),
     * in one transaction; the ACK given at receipt stays. A row no longer RECEIVED is left alone.
     */
    void recordProcessed(List<Entry> done) throws SQLException {
        if (done.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                recordProcessed(c, done);
                c.commit();
            } catch (SQLException ex) {
                rollbackQuietly(c);
                throw ex;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The outcomes of processed messages, in {@code tx} (the processor's batch: committed with their processing). */
    void recordProcessed(Connection tx, List<Entry> done) throws SQLException {
        if (done.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.prepareStatement( // 'RECEIVED': InboundOutcome.RECEIVED
                "UPDATE hl7_message SET outcome = ?, error = ?, patient = COALESCE(?, patient) WHERE id = ? AND outcome = 'RECEIVED'")) {
            for (Entry e : done) {
                ps.setString(1, name(e.outcome));
                ps.setString(2, cut(e.error, 2000));
                ps.setString(3, e.patient);
                ps.setLong(4, e.id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The store's DataSource: the processor's batch transaction joins the processing of other bundles on it. */
    DataSource dataSource() {
        return dataSource;
    }

    private static PreparedStatement prepareRow(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO hl7_message (direction, channel, sender, control_id, "
                + "message_type, hl7_version, received_at, raw, outcome, error, ack, patient) "
                + "VALUES ('IN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
    }

    private static PreparedStatement prepareKey(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO hl7_inbound_key (channel, sender, control_id, message_id, ack) "
                + "VALUES (?, ?, ?, ?, ?)");
    }

    private static long insertRow(PreparedStatement ps, Entry e, InboundOutcome outcome, String ack) throws SQLException {
        ps.setString(1, e.channel);
        ps.setString(2, cut(e.sender, 200));
        ps.setString(3, cut(e.controlId, 199));
        ps.setString(4, cut(e.type, 30));
        ps.setString(5, cut(e.version, 10));
        ps.setTimestamp(6, Timestamp.from(e.receivedAt));
        ps.setString(7, cut(e.raw, MAX_RAW_CHARS));
        ps.setString(8, name(outcome));
        ps.setString(9, outcome == InboundOutcome.DUPLICATE ? null : cut(e.error, 2000));
        ps.setString(10, cut(ack, 4000));
        ps.setString(11, outcome == InboundOutcome.DUPLICATE ? null : e.patient);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void insertKey(PreparedStatement ps, Entry e, long id) throws SQLException {
        ps.setString(1, e.channel);
        ps.setString(2, cut(e.sender, 200));
        ps.setString(3, cut(e.controlId, 199));
        ps.setLong(4, id);
        ps.setString(5, cut(e.ack, 4000));
        ps.executeUpdate();
    }

    /** The stored name of an outcome; null stays null (the column refuses it, as it refused a missing string). */
    private static String name(InboundOutcome outcome) {
        return outcome == null ? null : outcome.name();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
