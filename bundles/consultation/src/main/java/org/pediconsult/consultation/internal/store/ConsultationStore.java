package org.pediconsult.consultation.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.pediconsult.consultation.api.dto.ConsultationDTO;

/** Consultations and their transition history. Updates are optimistic: by id and version. */
public final class ConsultationStore {
    /** The stored assessment row, answers and triage as JSON text. */
    public static final class AssessmentRow {
        public String id;
        public String childId;
        public String specialtyId;
        public String questionnaireVersion;
        public String answersJson;
        public String triageLevel;
        public String triageJson;
        public String submittedBy;
        public Instant submittedAt;
    }

    public void insertAssessment(Connection c, AssessmentRow a) throws SQLException {
        Rows.update(c, "INSERT INTO consult_assessment (id, child_id, specialty_id, questionnaire_version, answers, "
                + "triage_level, triage_json, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id,
                a.childId, a.specialtyId, a.questionnaireVersion, a.answersJson, a.triageLevel, a.triageJson,
                a.submittedBy, a.submittedAt);
    }

    public AssessmentRow assessment(Connection c, String id) throws SQLException {
        return Rows.one(c, "SELECT * FROM consult_assessment WHERE id = ?", ConsultationStore::assessment, id);
    }

    public List<AssessmentRow> assessmentsOf(Connection c, String childId, String specialtyId) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_assessment WHERE child_id = ? AND specialty_id = ? "
                + "ORDER BY submitted_at, id", ConsultationStore::assessment, childId, specialtyId);
    }

    public boolean hasConsultWithPhysician(Connection c, String childId, String specialtyId, String physicianId)
            throws SQLException {
        return Rows.one(c, "SELECT 1 FROM consult_consultation WHERE child_id = ? AND specialty_id = ? AND physician_id = ?",
                rs -> Boolean.TRUE, childId, specialtyId, physicianId) != null;
    }

    private static AssessmentRow assessment(ResultSet rs) throws SQLException {
        AssessmentRow a = new AssessmentRow();
        a.id = rs.getString("id");
        a.childId = rs.getString("child_id");
        a.specialtyId = rs.getString("specialty_id");
        a.questionnaireVersion = rs.getString("questionnaire_version");
        a.answersJson = rs.getString("answers");
        a.triageLevel = rs.getString("triage_level");
        a.triageJson = rs.getString("triage_json");
        a.submittedBy = rs.getString("submitted_by");
        a.submittedAt = Rows.instant(rs, "submitted_at");
        return a;
    }

    public void insert(Connection c, ConsultationDTO k) throws SQLException {
        // triage_level: the assessment's, kept on the row for the pilot report (V9)
        Rows.update(c, "INSERT INTO consult_consultation (id, child_id, guardian_id, specialty_id, assessment_id, kind, "
                + "previous_id, state, physician_id, slot_id, scheduled_at, referral_reason, referral_facility, version, "
                + "created_at, updated_at, referral_reason_zh, referral_facility_zh, referral_urgency, referral_destination, "
                + "triage_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "(SELECT a.triage_level FROM consult_assessment a WHERE a.id = ?))", k.id, k.childId,
                k.guardianId, k.specialtyId, k.assessmentId, k.kind, k.previousId, k.state, k.physicianId, k.slotId,
                k.scheduledAt, k.referralReason, k.referralFacility, k.version, k.createdAt, k.updatedAt,
                k.referralReasonZh, k.referralFacilityZh, k.referralUrgency, k.referralDestination, k.assessmentId);
    }

    public ConsultationDTO byId(Connection c, String id) throws SQLException {
        return Rows.one(c, "SELECT * FROM consult_consultation WHERE id = ?", ConsultationStore::consultation, id);
    }

    public List<ConsultationDTO> byGuardian(Connection c, String guardianId) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_consultation WHERE guardian_id = ? ORDER BY created_at DESC, id",
                ConsultationStore::consultation, guardianId);
    }

    /** The child's consultations, newest first (at most 500). */
    public List<ConsultationDTO> byChild(Connection c, String childId) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_consultation WHERE child_id = ? ORDER BY created_at DESC, id "
                + "FETCH FIRST 500 ROWS ONLY", ConsultationStore::consultation, childId);
    }

    public List<ConsultationDTO> byPhysician(Connection c, String physicianId) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_consultation WHERE physician_id = ? ORDER BY scheduled_at, id",
                ConsultationStore::consultation, physicianId);
    }

    /** One row of a physician's queue: what the list shows, with the child's name and the triage kept on the row (V9). */
    public record QueueRow(String id, java.time.Instant scheduledAt, String state, String specialtyId, String childId,
                           String childFamilyName, String childGivenName, String triageLevel, boolean guardianPresent) {
    }

    /** The groups of a physician's queue: today's and later active consultations, and the rest, newest first. */
    public enum QueueGroup { TODAY, UPCOMING, EARLIER }

    private static final String ACTIVE = "('SCHEDULED', 'WAITING', 'IN_PROGRESS', 'PAUSED')";

    private static String queueWhere(QueueGroup group) {
        switch (group) {
            case TODAY:
                return "k.physician_id = ? AND k.scheduled_at >= ? AND k.scheduled_at < ? AND k.state IN " + ACTIVE;
            case UPCOMING:
                return "k.physician_id = ? AND k.scheduled_at >= ? AND k.state IN " + ACTIVE;
            default:
                return "k.physician_id = ? AND k.scheduled_at IS NOT NULL AND (k.state NOT IN " + ACTIVE
                        + " OR k.scheduled_at < ?)";
        }
    }

    private static Object[] queueParams(QueueGroup group, String physicianId, java.time.Instant dayStart,
                                        java.time.Instant dayEnd) {
        switch (group) {
            case TODAY:
                return new Object[] {physicianId, dayStart, dayEnd};
            case UPCOMING:
                return new Object[] {physicianId, dayEnd};
            default:
                return new Object[] {physicianId, dayStart};
        }
    }

    /** A page of the queue group: [dayStart, dayEnd) is today in the pilot's zone. */
    public List<QueueRow> queue(Connection c, String physicianId, QueueGroup group, java.time.Instant dayStart,
                                java.time.Instant dayEnd, int offset, int limit) throws SQLException {
        String order = group == QueueGroup.EARLIER ? "k.scheduled_at DESC, k.id" : "k.scheduled_at, k.id";
        return Rows.list(c, "SELECT k.id, k.scheduled_at, k.state, k.specialty_id, k.child_id, k.triage_level, "
                + "k.guardian_present, ch.family_name, ch.given_name FROM consult_consultation k "
                + "JOIN consult_child ch ON ch.id = k.child_id WHERE " + queueWhere(group) + " ORDER BY " + order
                + " OFFSET " + offset + " ROWS FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new QueueRow(rs.getString("id"), Rows.instant(rs, "scheduled_at"), rs.getString("state"),
                        rs.getString("specialty_id"), rs.getString("child_id"), rs.getString("family_name"),
                        rs.getString("given_name"), rs.getString("triage_level"), rs.getBoolean("guardian_present")),
                queueParams(group, physicianId, dayStart, dayEnd));
    }

    /** How many consultations the queue group has. */
    public int queueCount(Connection c, String physicianId, QueueGroup group, java.time.Instant dayStart,
                          java.time.Instant dayEnd) throws SQLException {
        return Rows.one(c, "SELECT COUNT(*) FROM consult_consultation k WHERE " + queueWhere(group),
                rs -> rs.getInt(1), queueParams(group, physicianId, dayStart, dayEnd));
    }

    public List<ConsultationDTO> all(Connection c, int limit) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_consultation ORDER BY created_at DESC, id FETCH FIRST " + limit
                + " ROWS ONLY", ConsultationStore::consultation);
    }

    /**
     * Writes every mutable column if the row still has {@code k.version}; the stored version becomes
     * {@code k.version + 1}. False when another request changed it first.
     */
    public boolean update(Connection c, ConsultationDTO k) throws SQLException {
        int rows = Rows.update(c, "UPDATE consult_consultation SET state = ?, physician_id = ?, slot_id = ?, "
                + "scheduled_at = ?, guardian_present = ?, guardian_attested_by = ?, guardian_attested_at = ?, "
                + "diagnosis = ?, plan = ?, referral_reason = ?, referral_facility = ?, referral_reason_zh = ?, "
                + "referral_facility_zh = ?, referral_urgency = ?, referral_destination = ?, version = ?, updated_at = ?, "
                + "completed_at = COALESCE(completed_at, ?) WHERE id = ? AND version = ?", k.state, k.physicianId, k.slotId,
                k.scheduledAt, k.guardianPresent, k.guardianAttestedBy, k.guardianAttestedAt, k.diagnosis, k.plan,
                k.referralReason, k.referralFacility, k.referralReasonZh, k.referralFacilityZh, k.referralUrgency,
                k.referralDestination, k.version + 1, k.updatedAt,
                "COMPLETED".equals(k.state) ? k.updatedAt : null, k.id, k.version);
        if (rows == 1) {
            k.version++;
            if ("COMPLETED".equals(k.state) && k.completedAt == null) {
                k.completedAt = k.updatedAt; // as the row now says (the answer to the completion shows it)
            }
        }
        return rows == 1;
    }

    public void insertTransition(Connection c, String consultationId, String from, String to, String action, String actor,
                                 Instant at) throws SQLException {
        Rows.update(c, "INSERT INTO consult_transition (consultation_id, from_state, to_state, action, actor, at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", consultationId, from, to, action, actor, at);
        List<Object> params = new java.util.ArrayList<>();
        String facts = reportFacts(to, action, at, params);
        if (facts != null) {
            params.add(consultationId);
            Rows.update(c, "UPDATE consult_consultation SET " + facts + " WHERE id = ?", params.toArray());
        }
    }

    /**
     * What a transition changes of the facts the pilot report reads on the consultation row (V9): a SET clause
     * whose parameters are added to {@code params}, or null (a booking, a cancellation: nothing to keep).
     */
    static String reportFacts(String to, String action, Instant at, List<Object> params) {
        List<String> set = new java.util.ArrayList<>();
        if ("ENTER_WAITING_ROOM".equals(action)) {
            set.add("waiting_at = COALESCE(waiting_at, ?)");
            params.add(at);
        }
        if ("ADMIT".equals(action)) {
            set.add("admitted_at = COALESCE(admitted_at, ?)");
            params.add(at);
        }
        if ("IN_PROGRESS".equals(to)) {
            set.add("started_at = COALESCE(started_at, ?)");
            params.add(at);
        }
        if ("PAUSED".equals(to)) {
            set.add("pause_count = pause_count + 1");
        }
        if ("END_AND_REFER".equals(action)) {
            set.add("ended_and_referred = TRUE");
        }
        return set.isEmpty() ? null : String.join(", ", set);
    }

    private static ConsultationDTO consultation(ResultSet rs) throws SQLException {
        ConsultationDTO k = new ConsultationDTO();
        k.id = rs.getString("id");
        k.childId = rs.getString("child_id");
        k.guardianId = rs.getString("guardian_id");
        k.specialtyId = rs.getString("specialty_id");
        k.assessmentId = rs.getString("assessment_id");
        k.kind = rs.getString("kind");
        k.previousId = rs.getString("previous_id");
        k.state = rs.getString("state");
        k.physicianId = rs.getString("physician_id");
        k.slotId = rs.getString("slot_id");
        k.scheduledAt = Rows.instant(rs, "scheduled_at");
        k.guardianPresent = rs.getBoolean("guardian_present");
        k.guardianAttestedBy = rs.getString("guardian_attested_by");
        k.guardianAttestedAt = Rows.instant(rs, "guardian_attested_at");
        k.diagnosis = rs.getString("diagnosis");
        k.plan = rs.getString("plan");
        k.referralReason = rs.getString("referral_reason");
        k.referralFacility = rs.getString("referral_facility");
        k.referralReasonZh = rs.getString("referral_reason_zh");
        k.referralFacilityZh = rs.getString("referral_facility_zh");
        k.referralUrgency = rs.getString("referral_urgency");
        k.referralDestination = rs.getString("referral_destination");
        k.version = rs.getInt("version");
        k.createdAt = Rows.instant(rs, "created_at");
        k.updatedAt = Rows.instant(rs, "updated_at");
        k.completedAt = Rows.instant(rs, "completed_at");
        return k;
    }
}
