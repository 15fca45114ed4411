package org.pediconsult.platform.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.pediconsult.platform.api.audit.AuditVerification;

/** Walks {@code platform_audit} in sequence order and reports the first record that does not verify. */
final class AuditChainWalk {
    private final Connection connection;

    AuditChainWalk(Connection connection) {
        this.connection = connection;
    }

    AuditVerification walk() throws SQLException {
        long expectedSeq = 1;
        String prevHash = AuditRecordHash.GENESIS;
        long checked = 0;
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, recorded_at, actor, action, resource_type, "
                + "resource_id, patient_id, detail, prev_hash, hash, client_address, patients FROM platform_audit ORDER BY seq")) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (seq != expectedSeq) {
                        return new AuditVerification(checked, expectedSeq, "record " + expectedSeq + " is missing");
                    }
                    if (!prevHash.equals(rs.getString(9))) {
                        return new AuditVerification(checked, seq, "link to the previous record does not match");
                    }
                    String recomputed = AuditRecordHash.of(seq, rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(11), rs.getString(12), prevHash);
                    if (!recomputed.equals(rs.getString(10))) {
                        return new AuditVerification(checked, seq, "content does not match its hash (record altered)");
                    }
                    prevHash = recomputed;
                    expectedSeq++;
                    checked++;
                }
            }
        }
        return checkHead(checked, expectedSeq - 1, prevHash);
    }

    /** Records removed from the end show up only against the head row. */
    private AuditVerification checkHead(long checked, long lastSeq, String lastHash) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM platform_audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new AuditVerification(checked, lastSeq + 1, "chain head is missing");
            }
            if (rs.getLong(1) != lastSeq || !lastHash.equals(rs.getString(2))) {
                return new AuditVerification(checked, lastSeq + 1, "records after " + lastSeq
                        + " are missing (head says " + rs.getLong(1) + ")");
            }
        }
        return new AuditVerification(checked, null, null);
    }
}
