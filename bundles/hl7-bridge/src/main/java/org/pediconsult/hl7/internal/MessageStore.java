package org.pediconsult.hl7.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * The HL7 message store. Every frame gets a row in {@code hl7_message}; the first of each
 * (channel, sender, MSH-10) also claims its key in {@code hl7_inbound_key} in the same transaction.
 * Each write commits before the caller answers the sender.
 */
final class MessageStore {
    static final int MAX_RAW_CHARS = 1_000_000;

    /** One inbound message as stored. */
    static final class Entry {
        String channel;
        String sender;
        String controlId;
        String type;
        String version;
        Instant receivedAt;
        String raw;
        String outcome;
        String error;
        String ack;

        boolean keyed() {
            return sender != null && controlId != null && !controlId.isEmpty();
        }
    }

    private final DataSource dataSource;

    MessageStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The ACK given to the first message with this key, or null when there was none. */
    String ackFor(String channel, String sender, String controlId) throws SQLException {
        if (sender == null || controlId == null) {
            return null;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT ack FROM hl7_inbound_key WHERE channel = ? AND sender = ? AND control_id = ?")) {
            ps.setString(1, channel);
            ps.setString(2, cut(sender, 200));
            ps.setString(3, cut(controlId, 199));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Stores a first message and claims its key. Returns false, storing nothing, when another
     * delivery of the same key claimed it first (the caller then stores this one as a duplicate).
     */
    boolean insertFirst(Entry e) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id = insertRow(c, e);
                if (e.keyed()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO hl7_inbound_key "
                            + "(channel, sender, control_id, message_id, ack) VALUES (?, ?, ?, ?, ?)")) {
                        ps.setString(1, e.channel);
                        ps.setString(2, cut(e.sender, 200));
                        ps.setString(3, cut(e.controlId, 199));
                        ps.setLong(4, id);
                        ps.setString(5, cut(e.ack, 4000));
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return true;
            } catch (SQLException ex) {
                c.rollback();
                if (ex.getSQLState() != null && ex.getSQLState().startsWith("23")) {
                    return false;
                }
                throw ex;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Stores a copy of an already received message, as DUPLICATE with the first one's ACK. */
    void insertDuplicate(Entry e, String firstAck) throws SQLException {
        e.outcome = "DUPLICATE";
        e.ack = firstAck;
        try (Connection c = dataSource.getConnection()) {
            insertRow(c, e);
        }
    }

    /** The stored raw text and key of an inbound message of this channel, or null. */
    Entry load(String channel, long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sender, control_id, message_type, hl7_version, received_at, "
                     + "raw, outcome FROM hl7_message WHERE id = ? AND channel = ? AND direction = 'IN'")) {
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
                e.outcome = rs.getString(7);
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
                        "UPDATE hl7_message SET outcome = ?, error = ?, ack = ? WHERE id = ?")) {
                    ps.setString(1, e.outcome);
                    ps.setString(2, cut(e.error, 2000));
                    ps.setString(3, cut(e.ack, 4000));
                    ps.setLong(4, id);
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

    private static long insertRow(Connection c, Entry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hl7_message (direction, channel, sender, control_id, "
                + "message_type, hl7_version, received_at, raw, outcome, error, ack) "
                + "VALUES ('IN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, e.channel);
            ps.setString(2, cut(e.sender, 200));
            ps.setString(3, cut(e.controlId, 199));
            ps.setString(4, cut(e.type, 30));
            ps.setString(5, cut(e.version, 10));
            ps.setTimestamp(6, Timestamp.from(e.receivedAt));
            ps.setString(7, cut(e.raw, MAX_RAW_CHARS));
            ps.setString(8, e.outcome);
            ps.setString(9, cut(e.error, 2000));
            ps.setString(10, cut(e.ack, 4000));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
