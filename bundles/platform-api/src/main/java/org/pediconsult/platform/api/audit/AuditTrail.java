package org.pediconsult.platform.api.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Append-only, hash-chained audit trail: each record's hash covers its content and the previous
 * record's hash, so a changed, removed or inserted record breaks the chain at that point.
 * Appending takes no global lock: committed entries are sealed into the chain (given their sequence
 * number and hash) in commit order within a second, and {@link #verify()} seals before it walks.
 *
 * @since 1.0
 */
@ProviderType
public interface AuditTrail {
    /** Appends in its own transaction (use for reads). Returns the entry's id (not its chain sequence number). */
    long record(AuditEntry entry);

    /**
     * Appends within the caller's transaction on {@code tx} (use for writes: no write without its
     * record; a rolled-back write leaves no record). Returns the entry's id.
     */
    long record(Connection tx, AuditEntry entry) throws SQLException;

    /** Seals the committed entries, then walks the whole chain from the first record. */
    AuditVerification verify();
}
