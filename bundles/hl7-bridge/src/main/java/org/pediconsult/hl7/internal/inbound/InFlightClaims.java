package org.pediconsult.hl7.internal.inbound;

import static org.pediconsult.hl7.internal.inbound.MessageStore.cut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.sql.DataSource;

/**
 * The keys of a store's first deliveries in flight: a delivery claims its (sender, MSH-10) before it is
 * checked, parsed and stored, so that a copy arriving on another connection meanwhile waits for the
 * first's ACK instead of being processed again. A claim ends when its key is stored (the writer ends it
 * then, {@link #stored}) or when the first delivery's handling is over ({@link #release}, which also
 * ends it on failure). The writer counts the claims ({@link #size}) to know how many deliveries are
 * still on their way to its group ({@link GroupCommitWriter}).
 */
final class InFlightClaims {
    /** (sender, MSH-10) as stored in the key table; the channel is the store's. */
    record Key(String sender, String controlId) {
    }

    /**
     * The outcome of {@link #claim}: either this delivery is the first of its key ({@code first} is
     * true: complete {@link #release} once stored or failed), or the ACK of the first delivery, which
     * may still be on its way ({@code firstAck} completes when the first is stored).
     */
    record Claim(boolean first, CompletableFuture<String> firstAck) {
    }

    private final DataSource dataSource;
    private final ConcurrentMap<Key, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

    InFlightClaims(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims a key for this delivery: when another delivery of the key is in flight or (with
     * {@code lookUpStored}) stored, answers its (future) ACK; else this delivery is first and must
     * {@link #release} the claim. With {@code lookUpStored} false, a key already stored is not looked up first: the delivery goes ahead as if first, and the key table's unique index
     * makes it a DUPLICATE with the first ACK when its group is written ({@link GroupCommitWriter}). For
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

    /** The writer stored a first delivery's key with {@code ack}: its claim ends (see {@link GroupCommitWriter}). */
    void stored(Key key, String ack) {
        CompletableFuture<String> claim = inFlight.remove(key);
        if (claim != null) {
            claim.complete(ack);
        }
    }

    /** How many first deliveries hold a claim now (stored ones no longer do, see {@link #stored}). */
    int size() {
        return inFlight.size();
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

    static String ackFor(Connection c, String channel, String sender, String controlId) throws SQLException {
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
}
