package org.pediconsult.platform.api.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Append-only, hash-chained audit trail: each record's hash covers its content and the previous
 * record's hash, so a changed, removed or inserted record breaks the chain at that point.
 *
 * @since 1.0
 */
@ProviderType
public interface AuditTrail {
    /** Appends in its own transaction (use for reads). Returns the record's sequence number. */
    long record(AuditEntry entry);

    /** Appends within the caller's transaction on {@code tx} (use for writes: no write without its record). */
    long record(Connection tx, AuditEntry entry) throws SQLException;

    /** Walks the whole chain from the first record. */
    AuditVerification verify();
}
