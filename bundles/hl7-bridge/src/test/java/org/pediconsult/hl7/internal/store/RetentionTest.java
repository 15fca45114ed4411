package org.pediconsult.hl7.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.RecordingAuditTrail;

/** Retention on the bridge's real migrations (H2): what goes, what stays, and that it is audited. */
class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final List<AuditEntry> audited = audit.entries();
    private JdbcDataSource db;
    private Retention retention;

    @BeforeEach
    void store() {
        db = Hl7Fixtures.h2();
        RetentionConfig config = new RetentionConfig() {
            @Override
            public int days() {
                return 90;
            }

            @Override
            public int failed_days() {
                return 365;
            }

            @Override
            public int interval_hours() {
                return 0;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return RetentionConfig.class;
            }
        };
        retention = new Retention(db, (bundle, module) -> 0, Clock.fixed(NOW, ZoneOffset.UTC), audit, config,
                mock(BundleContext.class));
    }

    private long message(String control, String direction, String outcome, int daysAgo) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO hl7_message "
                + "(direction, channel, sender, control_id, message_type, hl7_version, received_at, raw, outcome) "
                + "VALUES (?, 'his', 'HIS^H1', ?, 'ADT^A04', '2.5.1', ?, 'MSH|^~\\&|唐', ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, direction);
            ps.setString(2, control);
            ps.setTimestamp(3, Timestamp.from(NOW.minus(Duration.ofDays(daysAgo))));
            ps.setString(4, outcome);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void key(String control, long messageId) throws SQLException {
        update("INSERT INTO hl7_inbound_key (channel, sender, control_id, message_id, ack) VALUES ('his', 'HIS^H1', '"
                + control + "', " + messageId + ", 'MSA|AA|" + control + "')");
    }

    private void outbound(long messageId, String state) throws SQLException {
        update("INSERT INTO hl7_outbound (message_id, channel, event_id, event_type, seq, patient_key, occurred_at, state, "
                + "attempts, next_attempt_at) VALUES (" + messageId + ", 'emr', 'e" + messageId + "', 'consultation.completed', "
                + "0, 'child-1', CURRENT_TIMESTAMP, '" + state + "', 1, CURRENT_TIMESTAMP)");
    }

    private void update(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private Set<String> column(String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void finishedMessagesGoAfterTheirDaysFailedOnesLaterAndQueuedOnesNever() throws SQLException {
        key("old-processed", message("old-processed", "IN", "PROCESSED", 100));
        key("recent-processed", message("recent-processed", "IN", "PROCESSED", 10));
        message("old-duplicate", "IN", "DUPLICATE", 100);
        message("old-error", "IN", "ERROR", 100);
        message("older-rejected", "IN", "REJECTED", 400);
        outbound(message("old-sent", "OUT", "SENT", 100), "SENT");
        outbound(message("older-parked", "OUT", "PARKED", 400), "PARKED");
        outbound(message("older-queued", "OUT", "QUEUED", 400), "PENDING");

        Map<String, Object> result = retention.prune("admin");

        assertEquals(3, result.get("finishedDeleted"), result.toString());
        assertEquals(2, result.get("failedDeleted"), result.toString());
        assertEquals(Set.of("recent-processed", "old-error", "older-queued"), column("SELECT control_id FROM hl7_message"));
        assertEquals(Set.of("recent-processed"), column("SELECT control_id FROM hl7_inbound_key"));
        assertEquals(Set.of("PENDING"), column("SELECT state FROM hl7_outbound"));
        assertEquals(1, audited.size());
        assertEquals("admin", audited.get(0).actor());
        assertTrue(audited.get(0).detail().contains("3 finished, 2 failed"), audited.get(0).detail());
    }

    @Test
    void aSecondPruneFindsNothingMore() throws SQLException {
        message("old-duplicate", "IN", "DUPLICATE", 100);
        assertEquals(1, retention.prune("admin").get("finishedDeleted"));
        assertEquals(0, retention.prune("hl7:retention").get("finishedDeleted"));
        assertEquals(2, audited.size(), "each run is audited, also one that deleted nothing");
    }
}
