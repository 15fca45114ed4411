package org.pediconsult.consultation.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.pediconsult.consultation.api.dto.AllergyDTO;

/** {@code consult_child_allergy}: a child's allergies; removed ones stay, marked. */
public final class AllergyStore {
    /** A child has at most this many recorded allergies (a limit on the input's work). */
    public static final int MAX_PER_CHILD = 50;

    public List<AllergyDTO> ofChild(Connection c, String childId) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_child_allergy WHERE child_id = ? AND removed_at IS NULL "
                + "ORDER BY recorded_at, id", AllergyStore::allergy, childId);
    }

    public void insert(Connection c, AllergyDTO a) throws SQLException {
        Rows.update(c, "INSERT INTO consult_child_allergy (id, child_id, substance, reaction, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", a.id, a.childId, a.substance, a.reaction, a.recordedBy, a.recordedAt);
    }

    /** False when there is no such live allergy of this child. */
    public boolean remove(Connection c, String childId, String id, String by, Instant at) throws SQLException {
        return Rows.update(c, "UPDATE consult_child_allergy SET removed_by = ?, removed_at = ? WHERE id = ? AND child_id = ? "
                + "AND removed_at IS NULL", by, at, id, childId) == 1;
    }

    private static AllergyDTO allergy(ResultSet rs) throws SQLException {
        AllergyDTO a = new AllergyDTO();
        a.id = rs.getString("id");
        a.childId = rs.getString("child_id");
        a.substance = rs.getString("substance");
        a.reaction = rs.getString("reaction");
        a.recordedBy = rs.getString("recorded_by");
        a.recordedAt = Rows.instant(rs, "recorded_at");
        return a;
    }
}
