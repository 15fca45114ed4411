package org.pediconsult.platform.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.pediconsult.platform.api.data.DataAccessException;
import org.pediconsult.platform.api.data.Tx;

/**
 * Locks a login name (the user name trimmed and lower-cased, {@link LoginName}) after too many failed
 * logins inside a sliding window. Kept in the database ({@code platform_login_failure},
 * {@code platform_login_lock}), so a lockout holds on every node and survives a restart. Rows older
 * than the window, and expired locks, are deleted as new failures come in.
 */
final class LoginLockout {
    private final Tx tx;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;

    LoginLockout(Tx tx, Clock clock, int maxFailures, Duration window, Duration lockout) {
        this.tx = tx;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** Seconds the login name stays locked, 0 when not locked. */
    long lockedSeconds(String username) {
        String name = LoginName.of(username);
        Instant until = tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT locked_until FROM platform_login_lock WHERE login_name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getTimestamp(1).toInstant() : null;
                }
            }
        });
        if (until == null) {
            return 0;
        }
        long left = Duration.between(clock.instant(), until).toSeconds();
        return Math.max(0, left);
    }

    /** Records a failure; returns true when this failure locks the login name. */
    boolean failed(String username) {
        String name = LoginName.of(username);
        try {
            return tx.inTransaction(c -> recordFailure(c, name));
        } catch (DataAccessException e) {
            // another node locked the same name at the same moment (unique key): lock again over it
            if (e.getCause() instanceof SQLException && DataAccessException.isConstraintViolation((SQLException) e.getCause())) {
                return tx.inTransaction(c -> recordFailure(c, name));
            }
            throw e;
        }
    }

    private boolean recordFailure(Connection c, String name) throws SQLException {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(window));
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM platform_login_failure WHERE failed_at < ?")) {
            ps.setTimestamp(1, windowStart);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM platform_login_lock WHERE locked_until < ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO platform_login_failure (login_name, failed_at) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.executeUpdate();
        }
        int recent;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM platform_login_failure WHERE login_name = ? AND failed_at >= ?")) {
            ps.setString(1, name);
            ps.setTimestamp(2, windowStart);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                recent = rs.getInt(1);
            }
        }
        if (recent < maxFailures) {
            return false;
        }
        deleteFailures(c, name);
        Timestamp until = Timestamp.from(now.plus(lockout));
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE platform_login_lock SET locked_until = ? WHERE login_name = ?")) {
            ps.setTimestamp(1, until);
            ps.setString(2, name);
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO platform_login_lock (login_name, locked_until) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setTimestamp(2, until);
            ps.executeUpdate();
        }
        return true;
    }

    void succeeded(String username) {
        String name = LoginName.of(username);
        tx.inTransaction(c -> {
            deleteFailures(c, name);
            return null;
        });
    }

    private static void deleteFailures(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM platform_login_failure WHERE login_name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }
}
