package org.pediconsult.specialty.dermatology.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.audit.AuditVerification;

/** Keeps what was recorded, notes whether a write record joined an open transaction, can be made to fail. */
public final class RecordingAuditTrail implements AuditTrail {
    public final List<AuditEntry> entries = new ArrayList<>();
    public final List<Boolean> recordedInsideTransaction = new ArrayList<>();
    public boolean failWrites;

    @Override
    public long record(AuditEntry entry) {
        entries.add(entry);
        recordedInsideTransaction.add(false);
        return entries.size();
    }

    @Override
    public long record(Connection tx, AuditEntry entry) throws SQLException {
        if (failWrites) {
            throw new SQLException("audit store unavailable", "08006");
        }
        entries.add(entry);
        recordedInsideTransaction.add(!tx.getAutoCommit());
        return entries.size();
    }

    @Override
    public AuditVerification verify() {
        return new AuditVerification(entries.size(), null, null);
    }
}
