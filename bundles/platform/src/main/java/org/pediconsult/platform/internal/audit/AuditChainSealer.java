package org.pediconsult.platform.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * Moves committed entries from {@code platform_audit_pending} into the hash chain, oldest first,
 * under the chain head's row lock: sequence numbers stay gap-free and linear even when several
 * nodes seal at once (the second waits, then finds the entries gone).
 */
final class AuditChainSealer {
    private static final int BATCH = 1000;
    private final DataSource dataSource;

    AuditChainSealer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Seals until the queue is empty; answers the number of entries sealed. */
    synchronized int sealAll() throws SQLException {
        int total = 0;
        int sealed;
        do {
            sealed = sealBatch();
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = sealBatch(c);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The record's patient and the patients of a list read, once each. */
    static Set<String> patientsOf(String patientId, String patients) {
        Set<String> out = new TreeSet<>();
        if (patientId != null) {
            out.add(patientId);
        }
        if (patients != null) {
            for (String p : patients.split(",")) {
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private int sealBatch(Connection c) throws SQLException {
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_seq, last_hash FROM platform_audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit head row is missing: the audit trail has been tampered with");
            }
            seq = rs.getLong(1);
            prev = rs.getString(2);
        }
        List<Object[]> pending = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, recorded_at, actor, action, resource_type, resource_id, "
                + "patient_id, detail, client_address, patients FROM platform_audit_pending ORDER BY id")) {
            ps.setMaxRows(BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(new Object[] {rs.getLong(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)});
                }
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO platform_audit (seq, recorded_at, actor, action, "
                + "resource_type, resource_id, patient_id, detail, client_address, patients, prev_hash, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement link = c.prepareStatement("INSERT INTO platform_audit_patient (patient_id, seq) VALUES (?, ?)");
             PreparedStatement delete = c.prepareStatement("DELETE FROM platform_audit_pending WHERE id = ?")) {
            for (Object[] p : pending) {
                seq++;
                Timestamp at = (Timestamp) p[1];
                String hash = AuditRecordHash.of(seq, at.toInstant(), (String) p[2], (String) p[3], (String) p[4],
                        (String) p[5], (String) p[6], (String) p[7], (String) p[8], (String) p[9], prev);
                insert.setLong(1, seq);
                insert.setTimestamp(2, at);
                for (int i = 2; i <= 9; i++) {
                    insert.setString(i + 1, (String) p[i]);
                }
                insert.setString(11, prev);
                insert.setString(12, hash);
                insert.addBatch();
                for (String patient : patientsOf((String) p[6], (String) p[9])) {
                    link.setString(1, patient);
                    link.setLong(2, seq);
                    link.addBatch();
                }
                delete.setLong(1, (Long) p[0]);
                delete.addBatch();
                prev = hash;
            }
            insert.executeBatch();
            link.executeBatch();
            delete.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE platform_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, prev);
            ps.executeUpdate();
        }
        return pending.size();
    }
}
