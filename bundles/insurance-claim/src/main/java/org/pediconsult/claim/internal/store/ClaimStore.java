package org.pediconsult.claim.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.ClaimLine;
import org.pediconsult.claim.api.ClaimState;
import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.claim.internal.qualification.DrugPricing;
import org.pediconsult.platform.api.data.Sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** {@code claim_claim}, {@code claim_coverage}, {@code claim_step}; writes conditional on the row version. */
public final class ClaimStore {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String COLUMNS = "id, consultation_id, child_id, specialty_id, institution, payer, version, previous_id, "
            + "state, rule_set_version, reasons_json, lines_json, coverage_json, claimed, self_pay, paid, insurer_reasons_json, "
            + "created_at, submitted_at, answered_at, adjudicated_at, updated_at, row_version";

    public void insert(Connection c, ClaimDTO k) throws SQLException {
        Sql.update(c, "INSERT INTO claim_claim (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?)", k.id, k.consultationId, k.childId, k.specialtyId, k.institution, k.payer, k.version, k.previousId,
                k.state, k.ruleSetVersion, write(k.reasons), write(k.lines), write(k.coverage), k.claimed, k.selfPay, k.paid,
                write(k.insurerReasons), k.createdAt, k.submittedAt, k.answeredAt, k.adjudicatedAt, k.createdAt, k.rowVersion);
    }

    /** Writes the mutable columns if the row still has {@code k.rowVersion}; false when someone changed it first. */
    public boolean update(Connection c, ClaimDTO k, Instant now) throws SQLException {
        int n = Sql.update(c, "UPDATE claim_claim SET state = ?, lines_json = ?, paid = ?, insurer_reasons_json = ?, submitted_at = ?, "
                + "answered_at = ?, adjudicated_at = ?, updated_at = ?, row_version = ? WHERE id = ? AND row_version = ?",
                k.state, write(k.lines), k.paid, write(k.insurerReasons), k.submittedAt, k.answeredAt, k.adjudicatedAt, now,
                k.rowVersion + 1, k.id, k.rowVersion);
        if (n == 1) {
            k.rowVersion++;
        }
        return n == 1;
    }

    public ClaimDTO byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM claim_claim WHERE id = ?", ClaimStore::row, id);
    }

    public List<ClaimDTO> byConsultation(Connection c, String consultationId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM claim_claim WHERE consultation_id = ? ORDER BY version",
                ClaimStore::row, consultationId);
    }

    public List<ClaimDTO> byState(Connection c, ClaimState state, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM claim_claim WHERE state = ? ORDER BY created_at, id FETCH FIRST " + limit
                + " ROWS ONLY", ClaimStore::row, state);
    }

    public List<ClaimDTO> recent(Connection c, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM claim_claim ORDER BY created_at DESC, id FETCH FIRST " + limit
                + " ROWS ONLY", ClaimStore::row);
    }

    public List<ClaimDTO> createdBetween(Connection c, Instant from, Instant to, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM claim_claim WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id "
                + "FETCH FIRST " + limit + " ROWS ONLY", ClaimStore::row, from, to);
    }

    public void insertStep(Connection c, String claimId, Instant at, ClaimState from, ClaimState to, String actor, String note)
            throws SQLException {
        Sql.update(c, "INSERT INTO claim_step (claim_id, seq, at, from_state, to_state, actor, note) VALUES "
                + "(?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM claim_step WHERE claim_id = ?), ?, ?, ?, ?, ?)",
                claimId, claimId, at, from, to, actor, note);
    }

    public CoverageDTO coverage(Connection c, String childId) throws SQLException {
        return Sql.one(c, "SELECT coverage_json FROM claim_coverage WHERE child_id = ?",
                rs -> read(rs.getString(1), new TypeReference<CoverageDTO>() { }), childId);
    }

    public void saveCoverage(Connection c, CoverageDTO v, String by, Instant at) throws SQLException {
        if (Sql.update(c, "UPDATE claim_coverage SET coverage_json = ?, source = ?, updated_by = ?, updated_at = ? WHERE child_id = ?",
                write(v), v.source, by, at, v.childId) == 0) {
            Sql.update(c, "INSERT INTO claim_coverage (child_id, coverage_json, source, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)",
                    v.childId, write(v), v.source, by, at);
        }
    }

    /** A dispense priced for the claim ({@code claim_dispense}); {@code claimId} null while it waits for a version. */
    public record DrugDispense(String dispenseId, String consultationId, String childId, Instant dispensedAt,
                               List<DrugPricing.PricedDrug> drugs, String claimId) {
    }

    /** Whether the dispense was recorded already (charged, or waiting). */
    public boolean dispenseRecorded(Connection c, String dispenseId) throws SQLException {
        return Sql.one(c, "SELECT dispense_id FROM claim_dispense WHERE dispense_id = ?", rs -> rs.getString(1), dispenseId) != null;
    }

    /** Records a priced dispense, waiting; a second insert of the same dispense fails on the primary key. */
    public void insertDispense(Connection c, DrugDispense d, Instant at) throws SQLException {
        Sql.update(c, "INSERT INTO claim_dispense (dispense_id, consultation_id, child_id, dispensed_at, drugs_json, claim_id, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", d.dispenseId(), d.consultationId(), d.childId(), d.dispensedAt(), write(d.drugs()),
                d.claimId(), at);
    }

    /** The consultation's dispenses charged by {@code claimId}, or waiting ({@code claimId} null), oldest first. */
    public List<DrugDispense> dispenses(Connection c, String consultationId, String claimId) throws SQLException {
        return Sql.list(c, "SELECT dispense_id, consultation_id, child_id, dispensed_at, drugs_json, claim_id FROM claim_dispense "
                + "WHERE consultation_id = ? AND " + (claimId == null ? "claim_id IS NULL" : "claim_id = ?")
                + " ORDER BY dispensed_at, dispense_id", rs -> new DrugDispense(rs.getString(1), rs.getString(2), rs.getString(3),
                Sql.instant(rs, "dispensed_at"), read(rs.getString(5), new TypeReference<List<DrugPricing.PricedDrug>>() { }),
                rs.getString(6)), claimId == null ? new Object[] {consultationId} : new Object[] {consultationId, claimId});
    }

    /** Moves a dispense to the version that charges it, if it is still where {@code fromClaimId} says (null: waiting). */
    public boolean chargeDispense(Connection c, String dispenseId, String fromClaimId, String toClaimId) throws SQLException {
        return Sql.update(c, "UPDATE claim_dispense SET claim_id = ? WHERE dispense_id = ? AND "
                + (fromClaimId == null ? "claim_id IS NULL" : "claim_id = ?"),
                fromClaimId == null ? new Object[] {toClaimId, dispenseId} : new Object[] {toClaimId, dispenseId, fromClaimId}) == 1;
    }

    private static ClaimDTO row(ResultSet rs) throws SQLException {
        ClaimDTO k = new ClaimDTO();
        k.id = rs.getString("id");
        k.consultationId = rs.getString("consultation_id");
        k.childId = rs.getString("child_id");
        k.specialtyId = rs.getString("specialty_id");
        k.institution = rs.getString("institution");
        k.payer = rs.getString("payer");
        k.version = rs.getInt("version");
        k.previousId = rs.getString("previous_id");
        k.state = ClaimState.valueOf(rs.getString("state"));
        k.ruleSetVersion = rs.getString("rule_set_version");
        k.reasons = read(rs.getString("reasons_json"), new TypeReference<List<String>>() { });
        k.lines = read(rs.getString("lines_json"), new TypeReference<List<ClaimLine>>() { });
        k.coverage = read(rs.getString("coverage_json"), new TypeReference<CoverageDTO>() { });
        k.claimed = rs.getBigDecimal("claimed");
        k.selfPay = rs.getBigDecimal("self_pay");
        k.paid = rs.getBigDecimal("paid");
        k.insurerReasons = read(rs.getString("insurer_reasons_json"), new TypeReference<List<String>>() { });
        k.createdAt = Sql.instant(rs, "created_at");
        k.submittedAt = Sql.instant(rs, "submitted_at");
        k.answeredAt = Sql.instant(rs, "answered_at");
        k.adjudicatedAt = Sql.instant(rs, "adjudicated_at");
        k.rowVersion = rs.getInt("row_version");
        return k;
    }

    static String write(Object o) throws SQLException {
        if (o == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write a claim column as JSON", e);
        }
    }

    static <T> T read(String s, TypeReference<T> type) throws SQLException {
        if (s == null) {
            return null;
        }
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a claim's JSON column cannot be read", e);
        }
    }
}
