package org.pediconsult.platform.api.audit;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For each bundle's unit tests (platform-api's test jar): an audit trail that keeps what is recorded, in order,
 * with or without the caller's transaction, so a test can assert what was audited. {@link #verify()} reports the
 * entries kept, with no chain to check.
 */
public final class RecordingAuditTrail implements AuditTrail {
    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public long record(AuditEntry entry) {
        entries.add(entry);
        return entries.size();
    }

    @Override
    public long record(Connection tx, AuditEntry entry) {
        return record(entry);
    }

    @Override
    public AuditVerification verify() {
        return new AuditVerification(entries.size(), null, null);
    }

    /** What was recorded, oldest first (a live view). */
    public List<AuditEntry> entries() {
        return entries;
    }
}
