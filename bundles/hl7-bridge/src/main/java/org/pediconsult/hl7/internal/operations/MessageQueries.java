package org.pediconsult.hl7.internal.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Searches of the message store for the operations API. */
final class MessageQueries {
    /** A search; null fields do not filter. */
    static final class Filter {
        String channel;
        String direction;
        String patient;
        /** Only messages with a smaller id: the next page after a page that ended at this id. */
        Long beforeId;
        String type;
        String controlId;
        String outcome;
        Instant from;
        Instant to;
        int limit = 100;
    }

    private static final String SUMMARY = "id, direction, channel, sender, control_id, message_type, hl7_version, "
            + "received_at, outcome, error, patient";

    private final DataSource dataSource;

    MessageQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A search's SQL and its parameters in order. */
    record Query(String sql, List<Object> params) {
    }

    /** The SQL of a search: newest first; which index H2 uses for it is checked by MessageStorePlansTest. */
    static Query query(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY + " FROM hl7_message WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        add(sql, params, "channel = ?", f.channel);
        add(sql, params, "direction = ?", f.direction);
        add(sql, params, "patient = ?", f.patient);
        add(sql, params, "id < ?", f.beforeId);
        add(sql, params, "message_type = ?", f.type);
        add(sql, params, "control_id = ?", f.controlId);
        add(sql, params, "outcome = ?", f.outcome);
        add(sql, params, "received_at >= ?", f.from == null ? null : Timestamp.from(f.from));
        add(sql, params, "received_at < ?", f.to == null ? null : Timestamp.from(f.to));
        sql.append(" ORDER BY id DESC");
        return new Query(sql.toString(), params);
    }

    List<Map<String, Object>> search(Filter f) throws SQLException {
        Query q = query(f);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(q.sql())) {
            for (int i = 0; i < q.params().size(); i++) {
                ps.setObject(i + 1, q.params().get(i));
            }
            ps.setMaxRows(Math.max(1, Math.min(f.limit, 1000)));
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(summary(rs));
                }
                return out;
            }
        }
    }

    /** One message with its raw text and ACK, or null. */
    Map<String, Object> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + SUMMARY + ", raw, ack FROM hl7_message WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> m = summary(rs);
                m.put("raw", rs.getString("raw"));
                m.put("segments", segments(rs.getString("raw")));
                m.put("ack", rs.getString("ack"));
                return m;
            }
        }
    }

    /**
     * The message split for reading: each segment with its fields numbered as HL7 numbers them
     * (MSH-1 is the field separator), using the message's own separators; empty fields left out.
     * Works on messages HAPI refused too, which are the ones an engineer needs to read.
     */
    static List<Map<String, Object>> segments(String raw) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (raw == null || raw.length() < 4 || !raw.startsWith("MSH")) {
            return out;
        }
        String separator = String.valueOf(raw.charAt(3));
        for (String segment : raw.split("[\r\n]+")) {
            if (segment.isBlank()) {
                continue;
            }
            String[] f = segment.split(java.util.regex.Pattern.quote(separator), -1);
            Map<String, Object> fields = new LinkedHashMap<>();
            boolean msh = f[0].equals("MSH");
            if (msh) {
                fields.put("MSH-1", separator);
            }
            for (int i = 1; i < f.length; i++) {
                if (!f[i].isEmpty()) {
                    fields.put(f[0] + "-" + (msh ? i + 1 : i), f[i]);
                }
            }
            Map<String, Object> seg = new LinkedHashMap<>();
            seg.put("segment", f[0]);
            seg.put("fields", fields);
            out.add(seg);
        }
        return out;
    }

    /** Counts per outcome of one channel's messages. */
    Map<String, Long> counts(String channel) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT outcome, COUNT(*) FROM hl7_message WHERE channel = ? GROUP BY outcome ORDER BY outcome")) {
            ps.setString(1, channel);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Long> m = new LinkedHashMap<>();
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2));
                }
                return m;
            }
        }
    }

    private static void add(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static Map<String, Object> summary(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getLong("id"));
        m.put("direction", rs.getString("direction"));
        m.put("channel", rs.getString("channel"));
        m.put("sender", rs.getString("sender"));
        m.put("controlId", rs.getString("control_id"));
        m.put("type", rs.getString("message_type"));
        m.put("version", rs.getString("hl7_version"));
        Timestamp at = rs.getTimestamp("received_at");
        m.put("receivedAt", at == null ? null : at.toInstant().toString());
        m.put("outcome", rs.getString("outcome"));
        m.put("error", rs.getString("error"));
        m.put("patient", rs.getString("patient"));
        return m;
    }
}
