package org.pediconsult.prescription.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.pediconsult.platform.api.data.Sql;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.api.RejectionCategory;
import org.pediconsult.specialty.api.LocalizedText;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code rx_prescription}: one row per version; items, allergies and checks as JSON columns. */
public final class PrescriptionStore {
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(LocalizedText.class, LocalizedTextJson.class);

    /** The SPI's LocalizedText has final fields and no Jackson annotations: read it through its constructor. */
    abstract static class LocalizedTextJson {
        @JsonCreator
        LocalizedTextJson(@JsonProperty("zh") String zh, @JsonProperty("en") String en) {
        }
    }
    private static final String COLUMNS = "id, consultation_id, child_id, specialty_id, physician, version, previous_id, "
            + "state, emergency, chronic_reason, diagnosis, items_json, child_birth_date, child_sex, weight_kg, weight_date, "
            + "weight_source, allergies_json, checks_json, canonical_content, signature, signing_key_id, signed_at, "
            + "valid_until, reviewed_by, reviewed_at, rejection_reason, rejection_category, voided_by, voided_at, void_reason, "
            + "dispensed_at, "
            + "sent_to_pharmacy, created_at, updated_at, row_version";

    public void insert(Connection c, PrescriptionDTO p) throws SQLException {
        Sql.update(c, "INSERT INTO rx_prescription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values(p, p.rowVersion));
    }

    /**
     * Writes every mutable column when the row still has {@code p.rowVersion} and {@code expected} state;
     * the stored row version becomes {@code p.rowVersion + 1}. False when another request changed it first.
     */
    public boolean update(Connection c, PrescriptionDTO p, PrescriptionState expected) throws SQLException {
        int rows = Sql.update(c, "UPDATE rx_prescription SET state = ?, emergency = ?, chronic_reason = ?, diagnosis = ?, "
                        + "items_json = ?, child_birth_date = ?, child_sex = ?, weight_kg = ?, weight_date = ?, weight_source = ?, "
                        + "allergies_json = ?, checks_json = ?, canonical_content = ?, signature = ?, signing_key_id = ?, "
                        + "signed_at = ?, valid_until = ?, reviewed_by = ?, reviewed_at = ?, rejection_reason = ?, "
                        + "rejection_category = ?, voided_by = ?, "
                        + "voided_at = ?, void_reason = ?, dispensed_at = ?, sent_to_pharmacy = ?, updated_at = ?, row_version = ? "
                        + "WHERE id = ? AND row_version = ? AND state = ?",
                p.state, p.emergency, p.chronicReason, p.diagnosis, json(p.items), p.childBirthDate, p.childSex, p.weightKg,
                p.weightDate, p.weightSource, json(p.allergies), json(p.checks), p.canonicalContent, p.signature,
                p.signingKeyId, p.signedAt, p.validUntil, p.reviewedBy, p.reviewedAt, p.rejectionReason, category(p), p.voidedBy,
                p.voidedAt, p.voidReason, p.dispensedAt, p.sentToPharmacy, p.updatedAt, p.rowVersion + 1,
                p.id, p.rowVersion, expected);
        if (rows == 1) {
            p.rowVersion++;
        }
        return rows == 1;
    }

    public PrescriptionDTO byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM rx_prescription WHERE id = ?", PrescriptionStore::row, id);
    }

    public List<PrescriptionDTO> byConsultation(Connection c, String consultationId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM rx_prescription WHERE consultation_id = ? ORDER BY created_at, id",
                PrescriptionStore::row, consultationId);
    }

    /** Oldest signature first (the pharmacist's queue), at most {@code limit}. */
    public List<PrescriptionDTO> byState(Connection c, PrescriptionState state, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM rx_prescription WHERE state = ? ORDER BY signed_at, created_at, id "
                + "FETCH FIRST " + limit + " ROWS ONLY", PrescriptionStore::row, state);
    }

    /** The child's prescriptions in these states. */
    public List<PrescriptionDTO> ofChild(Connection c, String childId, PrescriptionState... states) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < states.length; i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        Object[] params = new Object[states.length + 1];
        params[0] = childId;
        System.arraycopy(states, 0, params, 1, states.length);
        return Sql.list(c, "SELECT " + COLUMNS + " FROM rx_prescription WHERE child_id = ? AND state IN (" + in + ") "
                + "ORDER BY created_at, id", PrescriptionStore::row, params);
    }

    /** Ids of prescriptions in {@code state} whose validity ended before {@code now}, at most {@code limit}. */
    public List<String> lapsed(Connection c, PrescriptionState state, java.time.Instant now, int limit) throws SQLException {
        return Sql.list(c, "SELECT id FROM rx_prescription WHERE state = ? AND valid_until < ? ORDER BY valid_until "
                + "FETCH FIRST " + limit + " ROWS ONLY", rs -> rs.getString(1), state, now);
    }

    private static String category(PrescriptionDTO p) {
        return p.rejectionCategory == null ? null : p.rejectionCategory.name();
    }

    private static Object[] values(PrescriptionDTO p, int rowVersion) throws SQLException {
        return new Object[] {p.id, p.consultationId, p.childId, p.specialtyId, p.physician, p.version, p.previousId, p.state,
            p.emergency, p.chronicReason, p.diagnosis, json(p.items), p.childBirthDate, p.childSex, p.weightKg, p.weightDate,
            p.weightSource, json(p.allergies), json(p.checks), p.canonicalContent, p.signature, p.signingKeyId, p.signedAt,
            p.validUntil, p.reviewedBy, p.reviewedAt, p.rejectionReason, category(p), p.voidedBy, p.voidedAt, p.voidReason,
            p.dispensedAt, p.sentToPharmacy, p.createdAt, p.updatedAt, rowVersion};
    }

    private static PrescriptionDTO row(ResultSet rs) throws SQLException {
        PrescriptionDTO p = new PrescriptionDTO();
        p.id = rs.getString("id");
        p.consultationId = rs.getString("consultation_id");
        p.childId = rs.getString("child_id");
        p.specialtyId = rs.getString("specialty_id");
        p.physician = rs.getString("physician");
        p.version = rs.getInt("version");
        p.previousId = rs.getString("previous_id");
        p.state = PrescriptionState.valueOf(rs.getString("state"));
        p.emergency = rs.getBoolean("emergency");
        p.chronicReason = rs.getString("chronic_reason");
        p.diagnosis = rs.getString("diagnosis");
        p.items = parse(rs.getString("items_json"), new TypeReference<List<PrescriptionItem>>() { });
        p.childBirthDate = Sql.date(rs, "child_birth_date");
        p.childSex = rs.getString("child_sex");
        p.weightKg = Sql.dbl(rs, "weight_kg");
        p.weightDate = Sql.date(rs, "weight_date");
        p.weightSource = rs.getString("weight_source");
        p.allergies = parse(rs.getString("allergies_json"), new TypeReference<List<String>>() { });
        p.checks = parse(rs.getString("checks_json"), new TypeReference<List<CheckResult>>() { });
        p.canonicalContent = rs.getString("canonical_content");
        p.signature = rs.getString("signature");
        p.signingKeyId = rs.getString("signing_key_id");
        p.signedAt = Sql.instant(rs, "signed_at");
        p.validUntil = Sql.instant(rs, "valid_until");
        p.reviewedBy = rs.getString("reviewed_by");
        p.reviewedAt = Sql.instant(rs, "reviewed_at");
        p.rejectionReason = rs.getString("rejection_reason");
        String category = rs.getString("rejection_category");
        p.rejectionCategory = category == null ? null : RejectionCategory.valueOf(category);
        p.voidedBy = rs.getString("voided_by");
        p.voidedAt = Sql.instant(rs, "voided_at");
        p.voidReason = rs.getString("void_reason");
        p.dispensedAt = Sql.instant(rs, "dispensed_at");
        p.sentToPharmacy = rs.getBoolean("sent_to_pharmacy");
        p.createdAt = Sql.instant(rs, "created_at");
        p.updatedAt = Sql.instant(rs, "updated_at");
        p.rowVersion = rs.getInt("row_version");
        return p;
    }

    static String json(Object o) throws SQLException {
        if (o == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write a prescription column as JSON", e);
        }
    }

    private static <T> T parse(String s, TypeReference<T> type) throws SQLException {
        if (s == null) {
            return null;
        }
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a prescription's JSON column cannot be read", e);
        }
    }
}
