package org.pediconsult.consultation.internal.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 with this bundle's real migrations, and plain inserts of synthetic report data. */
final class ReportDb {
    final JdbcDataSource db = new JdbcDataSource();

    ReportDb() {
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/consultation")
                .table("flyway_history_consultation").load().migrate();
    }

    void sql(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                ps.setObject(i + 1, p instanceof Instant ? Timestamp.from((Instant) p)
                        : p instanceof LocalDate ? java.sql.Date.valueOf((LocalDate) p) : p);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    void child(String id, String hisCity) {
        sql("INSERT INTO consult_child (id, family_name, given_name, sex, birth_date, created_by, created_at, his_city) "
                + "VALUES (?, 'X', 'Y', 'MALE', ?, 'test', ?, ?)", id, LocalDate.of(2022, 1, 1), at("2026-01-01T00:00:00Z"), hisCity);
    }

    void guardian(String id, String city) {
        sql("INSERT INTO consult_guardian (id, username, family_name, given_name, created_at, city) VALUES (?, ?, 'G', 'H', ?, ?)",
                id, "u-" + id, at("2026-01-01T00:00:00Z"), city);
    }

    void physician(String id, String institution) {
        sql("INSERT INTO consult_physician (id, username, family_name, given_name, licence_number, practice_since, institution, "
                + "whitelisted, created_at) VALUES (?, ?, 'D', 'R', ?, ?, ?, TRUE, ?)", id, "dr-" + id, "L-" + id,
                LocalDate.of(2015, 1, 1), institution, at("2026-01-01T00:00:00Z"));
    }

    /** A consultation (and its assessment when {@code triage} is not null). */
    void consultation(String id, String child, String guardian, String specialty, String kind, String state, String physician,
                      String triage, String reason, Instant created) {
        String assessment = null;
        if (triage != null) {
            assessment = "a-" + id;
            sql("INSERT INTO consult_assessment (id, child_id, specialty_id, questionnaire_version, answers, triage_level, "
                    + "triage_json, submitted_by, submitted_at) VALUES (?, ?, ?, '1', '{}', ?, '{}', 'g', ?)", assessment, child,
                    specialty, triage, created);
        }
        // the triage level copied from the assessment, as ConsultationStore.insert does
        sql("INSERT INTO consult_consultation (id, child_id, guardian_id, specialty_id, assessment_id, kind, state, physician_id, "
                + "referral_reason, version, created_at, updated_at, triage_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, "
                + "(SELECT a.triage_level FROM consult_assessment a WHERE a.id = ?))", id, child,
                guardian, specialty, assessment, kind, state, physician, reason, created, created, assessment);
    }

    /** Through the store's own transition write (it keeps the report's facts on the row); completion time as update() sets it. */
    void transition(String consultation, String from, String to, String action, String at) {
        try (Connection c = db.getConnection()) {
            new org.pediconsult.consultation.internal.store.ConsultationStore().insertTransition(c, consultation, from, to, action, "x", at(at));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        if ("COMPLETED".equals(to)) {
            sql("UPDATE consult_consultation SET completed_at = COALESCE(completed_at, ?) WHERE id = ?", at(at), consultation);
        }
    }

    void refusal(String rule, String physician, String at) {
        sql("INSERT INTO consult_eligibility_refusal (rule, physician_id, institution, specialty_id, actor, refused_at) "
                + "VALUES (?, ?, 'PILOT-CHILDRENS-HOSPITAL-1', 'growth-development', 'g', ?)", rule, physician, at(at));
    }
}
