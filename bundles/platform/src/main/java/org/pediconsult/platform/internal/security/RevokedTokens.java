package org.pediconsult.platform.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.pediconsult.platform.api.data.DataAccessException;
import org.pediconsult.platform.api.data.Tx;

/**
 * Bearer tokens revoked before their expiry (logout), by token id ({@code jti}), in
 * {@code platform_revoked_token}: a token revoked on one node is refused on all of them. A row is
 * kept until its token would have expired anyway and deleted with the next revocation after that.
 * Revocations seen by this node are also remembered in memory (they never come undone), so a
 * revoked token's retries cost no query.
 */
final class RevokedTokens {
    private final Tx tx;
    private final Clock clock;
    private final Map<String, Instant> known = new ConcurrentHashMap<>();

    RevokedTokens(Tx tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    void revoke(String jti, Instant expiresAt) {
        Instant now = clock.instant();
        known.values().removeIf(expiry -> expiry.isBefore(now));
        try {
            tx.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM platform_revoked_token WHERE expires_at < ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO platform_revoked_token (jti, expires_at) VALUES (?, ?)")) {
                    ps.setString(1, jti);
                    ps.setTimestamp(2, Timestamp.from(expiresAt));
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (DataAccessException e) {
            // revoked twice at once (two logouts with the same token): it is revoked, which is all we want
            if (!(e.getCause() instanceof SQLException && DataAccessException.isConstraintViolation((SQLException) e.getCause()))) {
                throw e;
            }
        }
        known.put(jti, expiresAt);
    }

    /** Whether {@code jti} was revoked, on the caller's connection (the request's token check: one checkout for all of it). */
    boolean isRevoked(Connection c, String jti) throws SQLException {
        if (known.containsKey(jti)) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT expires_at FROM platform_revoked_token WHERE jti = ?")) {
            ps.setString(1, jti);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                Instant now = clock.instant();
                known.values().removeIf(expiry -> expiry.isBefore(now));
                known.put(jti, rs.getTimestamp(1).toInstant());
                return true;
            }
        }
    }
}
