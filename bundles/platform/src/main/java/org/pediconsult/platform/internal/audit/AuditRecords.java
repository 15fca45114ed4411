package org.pediconsult.platform.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Reads the sealed audit trail for an auditor: newest first, filtered by patient (the record's
 * patient or one of a list read's), actor, action and time, a page at a time ({@code beforeSeq}).
 */
public final class AuditRecords {
    /** What to look for; null fields do not filter. */
    public static final class Query {
        public String patientId;
        public String actor;
        public String action;
        public Instant from;
        public Instant to;
        public Long beforeSeq;
        public int limit = 100;
    }

    private final DataSource dataSource;

    public AuditRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page of records, newest first; the next page is {@code beforeSeq} = the last record's seq. */
    public List<Map<String, Object>> find(Query q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT a.seq, a.recorded_at, a.actor, a.action, a.resource_type, "
                + "a.resource_id, a.patient_id, a.patients, a.detail, a.client_address FROM platform_audit a");
        List<Object> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (q.patientId != null) {
            sql.append(" JOIN platform_audit_patient p ON p.seq = a.seq AND p.patient_id = ?");
            args.add(q.patientId);
        }
        if (q.actor != null) {
            where.add("a.actor = ?");
            args.add(q.actor);
        }
        if (q.action != null) {
            where.add("a.action = ?");
            args.add(q.action);
        }
        if (q.from != null) {
            where.add("a.recorded_at >= ?");
            args.add(Timestamp.from(q.from));
        }
        if (q.to != null) {
            where.add("a.recorded_at < ?");
            args.add(Timestamp.from(q.to));
        }
        if (q.beforeSeq != null) {
            where.add("a.seq < ?");
            args.add(q.beforeSeq);
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY a.seq DESC");
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.setMaxRows(q.limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("seq", rs.getLong(1));
                    r.put("recordedAt", rs.getTimestamp(2).toInstant().toString());
                    r.put("actor", rs.getString(3));
                    r.put("action", rs.getString(4));
                    r.put("resourceType", rs.getString(5));
                    r.put("resourceId", rs.getString(6));
                    r.put("patientId", rs.getString(7));
                    String patients = rs.getString(8);
                    r.put("patients", patients == null ? List.of() : Arrays.asList(patients.split(",")));
                    r.put("detail", rs.getString(9));
                    r.put("clientAddress", rs.getString(10));
                    out.add(r);
                }
            }
        }
        return out;
    }
}
