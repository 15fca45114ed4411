package org.pediconsult.pharmacy.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.pediconsult.pharmacy.api.DispenseDTO;
import org.pediconsult.platform.api.data.Sql;

import com.fasterxml.jackson.core.type.TypeReference;

/** {@code pharm_dispense}: one record per prescription (unique), its items as JSON. */
public final class DispenseStore {
    public void insert(Connection c, DispenseDTO d) throws SQLException {
        Sql.update(c, "INSERT INTO pharm_dispense (id, prescription_id, consultation_id, child_id, items_json, dispensed_by, "
                + "dispensed_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", d.id, d.prescriptionId, d.consultationId, d.childId,
                Json.write(d.items), d.dispensedBy, d.dispensedAt, d.source);
    }

    public DispenseDTO byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM pharm_dispense WHERE id = ?", DispenseStore::row, id);
    }

    public DispenseDTO byPrescription(Connection c, String prescriptionId) throws SQLException {
        return Sql.one(c, "SELECT * FROM pharm_dispense WHERE prescription_id = ?", DispenseStore::row, prescriptionId);
    }

    public List<DispenseDTO> byConsultation(Connection c, String consultationId) throws SQLException {
        return Sql.list(c, "SELECT * FROM pharm_dispense WHERE consultation_id = ? ORDER BY dispensed_at, id",
                DispenseStore::row, consultationId);
    }

    private static DispenseDTO row(ResultSet rs) throws SQLException {
        DispenseDTO d = new DispenseDTO();
        d.id = rs.getString("id");
        d.prescriptionId = rs.getString("prescription_id");
        d.consultationId = rs.getString("consultation_id");
        d.childId = rs.getString("child_id");
        d.items = Json.read(rs.getString("items_json"), new TypeReference<List<DispenseDTO.Item>>() { });
        d.dispensedBy = rs.getString("dispensed_by");
        d.dispensedAt = Sql.instant(rs, "dispensed_at");
        d.source = rs.getString("source");
        return d;
    }
}
