package org.pediconsult.platform.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.audit.AuditVerification;
import org.pediconsult.platform.api.data.SchemaMigrations;

/**
 * The audit trail in {@code platform_audit}. Appends lock the single head row, so sequence numbers
 * are gap-free and the chain is linear even with several nodes on one PostgreSQL.
 */
@Component(service = AuditTrail.class)
public class HashChainedAuditTrail implements AuditTrail {
    private final DataSource dataSource;
    private final Clock clock;

    @Activate
    public HashChainedAuditTrail(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                 @Reference Clock clock, @Reference SchemaMigrations schemaReady) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public long record(AuditEntry entry) {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                long seq = record(tx, entry);
                tx.commit();
                return seq;
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            } finally {
                tx.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit record could not be written", e);
        }
    }

    @Override
    public long record(Connection tx, AuditEntry e) throws SQLException {
        long lastSeq;
        String lastHash;
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT last_seq, last_hash FROM platform_audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit head row is missing: the audit trail has been tampered with");
            }
            lastSeq = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        long seq = lastSeq + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditRecordHash.of(seq, at, e.actor(), e.action().name(), e.resourceType(), e.resourceId(),
                e.patientId(), e.detail(), lastHash);
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO platform_audit (seq, recorded_at, actor, action, "
                + "resource_type, resource_id, patient_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, e.actor());
            ps.setString(4, e.action().name());
            ps.setString(5, e.resourceType());
            ps.setString(6, e.resourceId());
            ps.setString(7, e.patientId());
            ps.setString(8, e.detail());
            ps.setString(9, lastHash);
            ps.setString(10, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE platform_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        return seq;
    }

    @Override
    public AuditVerification verify() {
        try (Connection c = dataSource.getConnection()) {
            return new AuditChainWalk(c).walk();
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail could not be read", e);
        }
    }
}
