package org.pediconsult.hl7.internal.outbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.LongFunction;

import javax.sql.DataSource;

import org.pediconsult.hl7.internal.inbound.MessageStore;

/**
 * The outbound queue: each message is a row in {@code hl7_message} (direction OUT, outcome QUEUED,
 * SENT or PARKED: {@link OutboundOutcome}; its raw text exactly as sent) plus its delivery state in
 * {@code hl7_outbound} (PENDING, SENT or PARKED: {@link OutboundState}). The SQL names the values
 * that a statement sets or looks for as literals (e.g. {@code 'QUEUED'}, {@code 'PENDING'}); each is
 * the constant of that name.
 * Enqueueing happens in the caller's transaction (the event consumer's), so an event is queued
 * exactly once or not at all.
 */
final class OutboundStore {
    /**
     * A message due for delivery, with the domain event it was mapped from (its id, its type, e.g.
     * {@code claim.submitted}, and its {@code aggregateId}, null for rows queued before V5).
     */
    record Due(long id, String controlId, String type, String raw, int attempts, String patientKey, String eventId,
               String eventType, String aggregateId) {
    }

    /** More work on the transaction that records a delivery outcome (e.g. appending an event to the outbox). */
    @FunctionalInterface
    interface InTransaction {
        InTransaction NOTHING = tx -> { };

        void run(Connection tx) throws SQLException;
    }

    private final DataSource dataSource;

    OutboundStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Queues one message on {@code tx}. {@code encode} gets the new row id and answers the message
     * text with its MSH-10 derived from it. Returns the row id, or -1 when this event's message was
     * already queued on the channel (a redelivered event).
     */
    long enqueue(Connection tx, String channel, String sender, String eventId, String eventType, String aggregateId,
                 int seq, String patientKey, String messageType, String version, Instant occurredAt, Instant now,
                 LongFunction<String[]> encode) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT 1 FROM hl7_outbound WHERE channel = ? AND event_id = ? AND seq = ?")) {
            ps.setString(1, channel);
            ps.setString(2, eventId);
            ps.setInt(3, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return -1;
                }
            }
        }
        long id;
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO hl7_message (direction, channel, sender, "
                + "message_type, hl7_version, received_at, raw, outcome, patient) VALUES ('OUT', ?, ?, ?, ?, ?, '', "
                + "'QUEUED', ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, channel);
            ps.setString(2, sender);
            ps.setString(3, messageType);
            ps.setString(4, version);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, patientKey);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        String[] controlIdAndText = encode.apply(id);
        try (PreparedStatement ps = tx.prepareStatement("UPDATE hl7_message SET control_id = ?, raw = ? WHERE id = ?")) {
            ps.setString(1, controlIdAndText[0]);
            ps.setString(2, controlIdAndText[1]);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO hl7_outbound (message_id, channel, event_id, "
                + "event_type, seq, patient_key, occurred_at, state, attempts, next_attempt_at, aggregate_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, channel);
            ps.setString(3, eventId);
            ps.setString(4, eventType);
            ps.setInt(5, seq);
            ps.setString(6, patientKey);
            ps.setTimestamp(7, Timestamp.from(occurredAt));
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setString(9, cut(aggregateId, 200));
            ps.executeUpdate();
        }
        return id;
    }

    /**
     * An event no mapper could turn into a message: stored PARKED with the reason (and the event's
     * payload, which holds ids only) so it is reviewed, never retried.
     */
    void parkUnmappable(Connection tx, String channel, String eventId, String eventType, String patientKey,
                        String payload, String error, Instant occurredAt, Instant now) throws SQLException {
        long id;
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO hl7_message (direction, channel, message_type, "
                + "received_at, raw, outcome, error, patient) VALUES ('OUT', ?, ?, ?, ?, 'PARKED', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, channel);
            ps.setString(2, "(" + cut(eventType, 28) + ")");
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, cut(payload, MessageStore.MAX_RAW_CHARS));
            ps.setString(5, cut("not mappable: " + error, 2000));
            ps.setString(6, patientKey);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO hl7_outbound (message_id, channel, event_id, "
                + "event_type, seq, patient_key, occurred_at, state, attempts, next_attempt_at, aggregate_id) "
                + "VALUES (?, ?, ?, ?, -1, ?, ?, 'PARKED', 0, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, channel);
            ps.setString(3, eventId);
            ps.setString(4, eventType);
            ps.setString(5, patientKey == null ? "-" : patientKey);
            ps.setTimestamp(6, Timestamp.from(occurredAt));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setString(8, cut(patientKey, 200));   // the router passes the event's aggregate id as the key here
            ps.executeUpdate();
        }
    }

    /**
     * The next message to send on the channel: the oldest PENDING one that is due, queued before
     * {@code settledBefore}, and not behind an older PENDING message of the same patient (which may
     * be waiting for its retry). Null when there is none.
     */
    Due nextDue(String channel, Instant now, Instant settledBefore) throws SQLException {
        String sql = "SELECT o.message_id, m.control_id, m.message_type, m.raw, o.attempts, o.patient_key, "
                + "o.event_id, o.event_type, o.aggregate_id "
                + "FROM hl7_outbound o JOIN hl7_message m ON m.id = o.message_id "
                + "WHERE o.channel = ? AND o.state = 'PENDING' AND o.next_attempt_at <= ? AND m.received_at <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM hl7_outbound p WHERE p.channel = o.channel "
                + "AND p.patient_key = o.patient_key AND p.state = 'PENDING' AND (p.occurred_at < o.occurred_at "
                + "OR (p.occurred_at = o.occurred_at AND p.message_id < o.message_id))) "
                + "ORDER BY o.occurred_at, o.message_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, channel);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(settledBefore));
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
            }
        }
    }

    /** The receiver accepted the message; {@code also} runs in the same transaction. */
    void sent(long id, int attempts, String ack, Instant now, InTransaction also) throws SQLException {
        update(id, OutboundState.SENT, attempts, now, now, null, ack, also);
    }

    /** A failed attempt that counts: try again at {@code next}. */
    void retry(long id, int attempts, Instant next, String error, String ack, Instant now) throws SQLException {
        update(id, OutboundState.PENDING, attempts, next, now, error, ack, InTransaction.NOTHING);
    }

    /** Given up: the patient's later messages flow on; {@code also} runs in the same transaction. */
    void park(long id, int attempts, String error, String ack, Instant now, InTransaction also) throws SQLException {
        update(id, OutboundState.PARKED, attempts, now, now, error, ack, also);
    }

    /** The receiver could not be reached: the message keeps its attempts; the error is shown. */
    void unreachable(long id, String error) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE hl7_message SET error = ? WHERE id = ?")) {
            ps.setString(1, cut(error, 2000));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * Puts a PARKED message of this channel back in the queue, attempts reset. False when the
     * message is not a parked, sendable outbound message of the channel.
     */
    boolean resend(String channel, long id, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement ps = c.prepareStatement("UPDATE hl7_outbound SET state = 'PENDING', attempts = 0, "
                        + "next_attempt_at = ? WHERE message_id = ? AND channel = ? AND state = 'PARKED' AND seq >= 0")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setLong(2, id);
                    ps.setString(3, channel);
                    n = ps.executeUpdate();
                }
                if (n == 1) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE hl7_message SET outcome = 'QUEUED', error = NULL WHERE id = ?")) {
                        ps.setLong(1, id);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return n == 1;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The channel an outbound message belongs to, or null when the id is not an outbound message. */
    String channelOf(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT channel FROM hl7_outbound WHERE message_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Sets the delivery state and, in the same transaction, the message row's outcome for it ({@link OutboundState#outcome}). */
    private void update(long id, OutboundState state, int attempts, Instant next, Instant now, String error,
                        String ack, InTransaction also) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("UPDATE hl7_outbound SET state = ?, attempts = ?, "
                        + "next_attempt_at = ?, last_attempt_at = ?, sent_at = ? WHERE message_id = ?")) {
                    ps.setString(1, state.name());
                    ps.setInt(2, attempts);
                    ps.setTimestamp(3, Timestamp.from(next));
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.setTimestamp(5, state == OutboundState.SENT ? Timestamp.from(now) : null);
                    ps.setLong(6, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE hl7_message SET outcome = ?, error = ?, ack = ? WHERE id = ?")) {
                    ps.setString(1, state.outcome().name());
                    ps.setString(2, cut(error, 2000));
                    ps.setString(3, cut(ack, 4000));
                    ps.setLong(4, id);
                    ps.executeUpdate();
                }
                also.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Takes or renews the channel's delivery lease for {@code owner} until {@code until}; true when
     * this owner holds it (it did, or the previous holder's lease ran out).
     */
    boolean lease(String channel, String owner, Instant now, Instant until) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE hl7_channel_lease SET owner = ?, expires_at = ? "
                    + "WHERE channel = ? AND (owner = ? OR expires_at < ?)")) {
                ps.setString(1, owner);
                ps.setTimestamp(2, Timestamp.from(until));
                ps.setString(3, channel);
                ps.setString(4, owner);
                ps.setTimestamp(5, Timestamp.from(now));
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO hl7_channel_lease (channel, owner, expires_at) VALUES (?, ?, ?)")) {
                ps.setString(1, channel);
                ps.setString(2, owner);
                ps.setTimestamp(3, Timestamp.from(until));
                ps.executeUpdate();
                return true;
            } catch (SQLException taken) {
                if (taken.getSQLState() != null && taken.getSQLState().startsWith("23")) {
                    return false;   // another node holds it
                }
                throw taken;
            }
        }
    }

    /** Gives the lease up (on stop) so another node takes over at once. */
    void release(String channel, String owner, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE hl7_channel_lease SET expires_at = ? WHERE channel = ? AND owner = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, channel);
            ps.setString(3, owner);
            ps.executeUpdate();
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
