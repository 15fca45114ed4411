package org.pediconsult.hl7.internal.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

/**
 * The HL7 message store. Every frame gets a row in {@code hl7_message}; the first of each
 * (channel, sender, MSH-10) also claims its key in {@code hl7_inbound_key} in the same transaction.
 * A store has three parts: the keys of first deliveries in flight ({@link InFlightClaims}: a copy
 * arriving meanwhile waits for the first's ACK), the writer thread that stores rows in group commits
 * and makes them durable before the ACKs go out ({@link GroupCommitWriter}), and, here, the rows'
 * columns (the inserts the writer runs) and the reads and updates of the processor and of
 * reprocessing. The handler reaches the other two through this class.
 */
public final class MessageStore implements AutoCloseable {
    public static final int MAX_RAW_CHARS = 1_000_000;

    /** One inbound message as stored. */
    static final class Entry {
        long id; // set when loaded, or when stored as a first delivery (0 until then)
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

        InFlightClaims.Key key() {
            return new InFlightClaims.Key(cut(sender, 200), cut(controlId, 199));
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

    /** What was stored for a caller: the ACK to send and whether it went in as a DUPLICATE. */
    record Stored(String ack, boolean duplicate) {
    }

    private final DataSource dataSource;
    private final InFlightClaims claims;
    private final GroupCommitWriter writer;

    MessageStore(DataSource dataSource) {
        this(dataSource, "hl7");
    }

    MessageStore(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.claims = new InFlightClaims(dataSource);
        this.writer = new GroupCommitWriter(dataSource, name, claims);
    }

    /** {@link GroupCommitWriter#awaitIdle}: the processor gives way to the messages waiting for their ACK. */
    void awaitIdle(long maxMillis) {
        writer.awaitIdle(maxMillis);
    }

    /** {@link GroupCommitWriter#queued}, for tests. */
    int queued() {
        return writer.queued();
    }

    /** Stops the writer; entries still queued fail (their senders get AE and resend). */
    @Override
    public void close() {
        writer.close();
    }

    /** {@link InFlightClaims#claim}. */
    InFlightClaims.Claim claim(String channel, String sender, String controlId, boolean lookUpStored)
            throws SQLException {
        return claims.claim(channel, sender, controlId, lookUpStored);
    }

    /** {@link InFlightClaims#release}. */
    void release(InFlightClaims.Key key, CompletableFuture<String> claim, String ack, Throwable failure) {
        claims.release(key, claim, ack, failure);
    }

    /** {@link GroupCommitWriter#store}: queued for the next group commit, completed after it. */
    CompletableFuture<Stored> store(Entry e) {
        return writer.store(e);
    }

    /** {@link GroupCommitWriter#storeDuplicate}: stored as DUPLICATE with the first one's ACK. */
    CompletableFuture<Stored> storeDuplicate(Entry e, String firstAck) {
        return writer.storeDuplicate(e, firstAck);
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
             PreparedStatement ps = c.prepareStatement(receivedSql(limit))) {
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

    /**
     * The processor's next batch, parameters channel and id. 'RECEIVED' is InboundOutcome.RECEIVED, a literal as
     * when ix_hl7_message_backlog (V7, its columns reordered in V8) was made for this query; ordered as that index
     * is, so H2 reads the batch from the index in order (MessageStorePlansTest).
     */
    public static String receivedSql(int limit) {
        return "SELECT id, sender, control_id, message_type, hl7_version, received_at, raw FROM hl7_message "
                + "WHERE outcome = 'RECEIVED' AND channel = ? AND id > ? AND direction = 'IN' "
                + "ORDER BY outcome, channel, id FETCH FIRST " + limit + " ROWS ONLY";
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

    /** The inserts of a row and of its key, run by the {@link GroupCommitWriter} in its group's transaction. */
    static PreparedStatement prepareRow(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO hl7_message (direction, channel, sender, control_id, "
                + "message_type, hl7_version, received_at, raw, outcome, error, ack, patient) "
                + "VALUES ('IN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
    }

    static PreparedStatement prepareKey(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO hl7_inbound_key (channel, sender, control_id, message_id, ack) "
                + "VALUES (?, ?, ?, ?, ?)");
    }

    static long insertRow(PreparedStatement ps, Entry e, InboundOutcome outcome, String ack) throws SQLException {
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

    static void insertKey(PreparedStatement ps, Entry e, long id) throws SQLException {
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

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }
}
