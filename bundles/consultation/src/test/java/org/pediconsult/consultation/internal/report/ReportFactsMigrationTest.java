package org.pediconsult.consultation.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * V9 fills the report's facts of the consultations that existed before it from their transitions and
 * assessment: a database at V8 with one ended-and-referred consultation (waiting room, admission, a pause,
 * a resume, end and refer) and one completed before V7 (no completion time), migrated to V9.
 */
class ReportFactsMigrationTest {
    @Test
    void v9FillsTheFactsOfEarlierConsultationsFromTheirTransitions() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/consultation")
                .table("flyway_history_consultation").target("8").load().migrate();
        try (Connection c = db.getConnection()) {
            run(c, "INSERT INTO consult_child (id, family_name, given_name, sex, birth_date, created_by, created_at) "
                    + "VALUES ('k', '李', '小雨', 'FEMALE', DATE '2021-05-01', 't', CURRENT_TIMESTAMP)");
            run(c, "INSERT INTO consult_guardian (id, family_name, given_name, created_at) VALUES ('g', '李', '华', CURRENT_TIMESTAMP)");
            run(c, "INSERT INTO consult_assessment (id, child_id, specialty_id, questionnaire_version, answers, triage_level, "
                    + "triage_json, submitted_by, submitted_at) VALUES ('a', 'k', 'dermatology', '1', '{}', 'IN_PERSON', '{}', 'g', CURRENT_TIMESTAMP)");
            for (String id : new String[] {"r", "d"}) {
                run(c, "INSERT INTO consult_consultation (id, child_id, guardian_id, specialty_id, assessment_id, kind, state, version, "
                        + "created_at, updated_at) VALUES ('" + id + "', 'k', 'g', 'dermatology', " + ("r".equals(id) ? "'a'" : "NULL")
                        + ", 'INITIAL', '" + ("r".equals(id) ? "REFERRED" : "COMPLETED") + "', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            transition(c, "r", "WAITING", "ENTER_WAITING_ROOM", "2026-03-01T01:00:00Z");
            transition(c, "r", "IN_PROGRESS", "ADMIT", "2026-03-01T01:10:00Z");
            transition(c, "r", "PAUSED", "PAUSE", "2026-03-01T01:12:00Z");
            transition(c, "r", "IN_PROGRESS", "RESUME", "2026-03-01T01:13:00Z");
            transition(c, "r", "PAUSED", "PAUSE", "2026-03-01T01:14:00Z");
            transition(c, "r", "REFERRED", "END_AND_REFER", "2026-03-01T01:15:00Z");
            transition(c, "d", "IN_PROGRESS", "ADMIT", "2026-03-02T02:00:00Z");
            transition(c, "d", "COMPLETED", "COMPLETE", "2026-03-02T02:30:00Z");
        }
        Flyway.configure().dataSource(db).locations("classpath:db/migration/consultation")
                .table("flyway_history_consultation").load().migrate();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id, triage_level, waiting_at, "
                + "admitted_at, started_at, pause_count, ended_and_referred, completed_at FROM consult_consultation ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals("d", rs.getString("id"));
            assertEquals(null, rs.getString("triage_level"), "no assessment");
            assertEquals(null, rs.getTimestamp("waiting_at"));
            assertEquals(Instant.parse("2026-03-02T02:00:00Z"), rs.getTimestamp("started_at").toInstant());
            assertEquals(0, rs.getInt("pause_count"));
            assertEquals(false, rs.getBoolean("ended_and_referred"));
            assertEquals(Instant.parse("2026-03-02T02:30:00Z"), rs.getTimestamp("completed_at").toInstant(), "from its transition");
            rs.next();
            assertEquals("r", rs.getString("id"));
            assertEquals("IN_PERSON", rs.getString("triage_level"));
            assertEquals(Instant.parse("2026-03-01T01:00:00Z"), rs.getTimestamp("waiting_at").toInstant());
            assertEquals(Instant.parse("2026-03-01T01:10:00Z"), rs.getTimestamp("admitted_at").toInstant());
            assertEquals(Instant.parse("2026-03-01T01:10:00Z"), rs.getTimestamp("started_at").toInstant(), "the first start, not the resume");
            assertEquals(2, rs.getInt("pause_count"));
            assertEquals(true, rs.getBoolean("ended_and_referred"));
            assertEquals(null, rs.getTimestamp("completed_at"));
        }
    }

    private static void run(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private static void transition(Connection c, String id, String to, String action, String at) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO consult_transition (consultation_id, from_state, to_state, action, "
                + "actor, at) VALUES (?, NULL, ?, ?, 'x', ?)")) {
            ps.setString(1, id);
            ps.setString(2, to);
            ps.setString(3, action);
            ps.setTimestamp(4, Timestamp.from(Instant.parse(at)));
            ps.executeUpdate();
        }
    }
}
