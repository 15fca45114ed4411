package org.pediconsult.consultation.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.GuardianshipDTO;

/** Children, guardians and the verified relationships between them. */
public final class PeopleStore {

    public void insertChild(Connection c, ChildDTO child, String createdBy, Instant now) throws SQLException {
        Rows.update(c, "INSERT INTO consult_child (id, family_name, given_name, sex, birth_date, id_type, id_value, "
                + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", child.id, child.familyName,
                child.givenName, child.sex, child.birthDate, child.idType, child.idValue, createdBy, now);
    }

    public ChildDTO child(Connection c, String id) throws SQLException {
        ChildDTO child = Rows.one(c, "SELECT * FROM consult_child WHERE id = ?", PeopleStore::child, id);
        if (child != null) {
            child.guardians = guardianships(c, id);
        }
        return child;
    }

    public List<ChildDTO> childrenOfGuardian(Connection c, String guardianId) throws SQLException {
        return Rows.list(c, "SELECT ch.* FROM consult_child ch JOIN consult_guardianship g ON g.child_id = ch.id "
                + "WHERE g.guardian_id = ? ORDER BY ch.birth_date, ch.id", PeopleStore::child, guardianId);
    }

    public List<ChildDTO> childrenOfPhysician(Connection c, String physicianId) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_child WHERE id IN (SELECT child_id FROM consult_consultation "
                + "WHERE physician_id = ?) ORDER BY birth_date, id", PeopleStore::child, physicianId);
    }

    public List<ChildDTO> allChildren(Connection c) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_child ORDER BY created_at, id", PeopleStore::child);
    }

    public void insertGuardian(Connection c, GuardianDTO g, Instant now) throws SQLException {
        Rows.update(c, "INSERT INTO consult_guardian (id, username, family_name, given_name, phone, id_type, id_value, "
                + "identity_verified, verified_by, verified_method, verified_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", g.id, g.username, g.familyName, g.givenName, g.phone,
                g.idType, g.idValue, g.identityVerified, g.verifiedBy, g.verifiedMethod, g.verifiedAt, now);
    }

    public GuardianDTO guardian(Connection c, String id) throws SQLException {
        return Rows.one(c, "SELECT * FROM consult_guardian WHERE id = ?", PeopleStore::guardian, id);
    }

    public GuardianDTO guardianByUsername(Connection c, String username) throws SQLException {
        return Rows.one(c, "SELECT * FROM consult_guardian WHERE username = ?", PeopleStore::guardian, username);
    }

    public int verifyGuardian(Connection c, String id, String by, String method, Instant at) throws SQLException {
        return Rows.update(c, "UPDATE consult_guardian SET identity_verified = TRUE, verified_by = ?, verified_method = ?, "
                + "verified_at = ?, refused_reason = NULL, refused_by = NULL, refused_at = NULL WHERE id = ?", by, method, at, id);
    }

    public void insertGuardianship(Connection c, GuardianshipDTO g) throws SQLException {
        Rows.update(c, "INSERT INTO consult_guardianship (guardian_id, child_id, relationship, verified, verified_by, "
                + "verified_method, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?)", g.guardianId, g.childId, g.relationship,
                g.verified, g.verifiedBy, g.verifiedMethod, g.verifiedAt);
    }

    public GuardianshipDTO guardianship(Connection c, String guardianId, String childId) throws SQLException {
        return Rows.one(c, "SELECT * FROM consult_guardianship WHERE guardian_id = ? AND child_id = ?",
                PeopleStore::guardianship, guardianId, childId);
    }

    public int verifyGuardianship(Connection c, String guardianId, String childId, String by, String method, Instant at)
            throws SQLException {
        return Rows.update(c, "UPDATE consult_guardianship SET verified = TRUE, verified_by = ?, verified_method = ?, "
                + "verified_at = ?, refused_reason = NULL, refused_by = NULL, refused_at = NULL WHERE guardian_id = ? AND child_id = ?",
                by, method, at, guardianId, childId);
    }

    private List<GuardianshipDTO> guardianships(Connection c, String childId) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_guardianship WHERE child_id = ? ORDER BY guardian_id",
                PeopleStore::guardianship, childId);
    }

    private static ChildDTO child(ResultSet rs) throws SQLException {
        ChildDTO c = new ChildDTO();
        c.id = rs.getString("id");
        c.familyName = rs.getString("family_name");
        c.givenName = rs.getString("given_name");
        c.sex = rs.getString("sex");
        c.birthDate = Rows.date(rs, "birth_date");
        c.idType = rs.getString("id_type");
        c.idValue = rs.getString("id_value");
        return c;
    }

    private static GuardianDTO guardian(ResultSet rs) throws SQLException {
        GuardianDTO g = new GuardianDTO();
        g.id = rs.getString("id");
        g.username = rs.getString("username");
        g.familyName = rs.getString("family_name");
        g.givenName = rs.getString("given_name");
        g.phone = rs.getString("phone");
        g.idType = rs.getString("id_type");
        g.idValue = rs.getString("id_value");
        g.identityVerified = rs.getBoolean("identity_verified");
        g.verifiedBy = rs.getString("verified_by");
        g.verifiedMethod = rs.getString("verified_method");
        g.verifiedAt = Rows.instant(rs, "verified_at");
        g.refusedReason = rs.getString("refused_reason");
        g.refusedBy = rs.getString("refused_by");
        g.refusedAt = Rows.instant(rs, "refused_at");
        g.city = rs.getString("city");
        return g;
    }

    /** The family's city as the guardian set it (a name from the city table), or null to clear it. */
    public int updateGuardianCity(Connection c, String guardianId, String city) throws SQLException {
        return Rows.update(c, "UPDATE consult_guardian SET city = ? WHERE id = ?", city, guardianId);
    }

    private static GuardianshipDTO guardianship(ResultSet rs) throws SQLException {
        GuardianshipDTO g = new GuardianshipDTO();
        g.guardianId = rs.getString("guardian_id");
        g.childId = rs.getString("child_id");
        g.relationship = rs.getString("relationship");
        g.verified = rs.getBoolean("verified");
        g.verifiedBy = rs.getString("verified_by");
        g.verifiedMethod = rs.getString("verified_method");
        g.verifiedAt = Rows.instant(rs, "verified_at");
        g.refusedReason = rs.getString("refused_reason");
        g.refusedBy = rs.getString("refused_by");
        g.refusedAt = Rows.instant(rs, "refused_at");
        return g;
    }

    /** The hospital refused the guardian's identity: the reason is kept, the verification cleared. */
    public int refuseGuardian(Connection c, String id, String by, String reason, Instant at) throws SQLException {
        return Rows.update(c, "UPDATE consult_guardian SET identity_verified = FALSE, verified_by = NULL, verified_method = NULL, "
                + "verified_at = NULL, refused_reason = ?, refused_by = ?, refused_at = ? WHERE id = ?", reason, by, at, id);
    }

    public int refuseGuardianship(Connection c, String guardianId, String childId, String by, String reason, Instant at)
            throws SQLException {
        return Rows.update(c, "UPDATE consult_guardianship SET verified = FALSE, verified_by = NULL, verified_method = NULL, "
                + "verified_at = NULL, refused_reason = ?, refused_by = ?, refused_at = ? WHERE guardian_id = ? AND child_id = ?",
                reason, by, at, guardianId, childId);
    }

    /**
     * Guardians whose identity is not verified, oldest first: those waiting first, then those refused (the
     * desk verifies them when the family brings the right document).
     */
    public List<GuardianDTO> unverifiedGuardians(Connection c, int limit) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_guardian WHERE identity_verified = FALSE "
                + "ORDER BY CASE WHEN refused_at IS NULL THEN 0 ELSE 1 END, created_at, id FETCH FIRST " + limit
                + " ROWS ONLY", PeopleStore::guardian);
    }

    /** Relationships not verified: those waiting first, then those refused. */
    public List<GuardianshipDTO> unverifiedGuardianships(Connection c, int limit) throws SQLException {
        return Rows.list(c, "SELECT gs.* FROM consult_guardianship gs JOIN consult_child ch ON ch.id = gs.child_id "
                + "WHERE gs.verified = FALSE ORDER BY CASE WHEN gs.refused_at IS NULL THEN 0 ELSE 1 END, ch.created_at, "
                + "gs.child_id, gs.guardian_id FETCH FIRST " + limit + " ROWS ONLY", PeopleStore::guardianship);
    }

    /** The guardian corrected their ID document: a refusal is cleared, the identity waits for the desk again. */
    public int correctIdDocument(Connection c, String id, String idType, String idValue) throws SQLException {
        return Rows.update(c, "UPDATE consult_guardian SET id_type = ?, id_value = ?, refused_reason = NULL, refused_by = NULL, "
                + "refused_at = NULL WHERE id = ? AND identity_verified = FALSE", idType, idValue, id);
    }
}
