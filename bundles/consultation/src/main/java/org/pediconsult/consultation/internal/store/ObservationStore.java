package org.pediconsult.consultation.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.pediconsult.consultation.api.dto.ObservationDTO;

/** Observations on a child's record, one row per (child, result key). */
public final class ObservationStore {
    private static final String COLUMNS = "child_id, result_key, order_number, service_code, service_text, set_id, "
            + "code, coding_system, code_text, alternate_code, alternate_coding_system, sub_id, value_type, value_text, "
            + "numeric_value, value_code, value_coding_system, units, reference_range, abnormal_flags, result_status, "
            + "observed_at, ordering_provider, performer, source, control_id, recorded_at";

    /** The stored observation under this key, or null. */
    public ObservationDTO byKey(Connection c, String childId, String resultKey) throws SQLException {
        return Rows.one(c, "SELECT * FROM consult_observation WHERE child_id = ? AND result_key = ?",
                ObservationStore::observation, childId, resultKey);
    }

    public void insert(Connection c, ObservationDTO o, String resultKey) throws SQLException {
        Rows.update(c, "INSERT INTO consult_observation (id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values(o, resultKey, o.id));
    }

    /** Replaces everything but the id, the child and the key. */
    public void update(Connection c, ObservationDTO o) throws SQLException {
        Rows.update(c, "UPDATE consult_observation SET order_number = ?, service_code = ?, service_text = ?, set_id = ?, "
                + "code = ?, coding_system = ?, code_text = ?, alternate_code = ?, alternate_coding_system = ?, sub_id = ?, "
                + "value_type = ?, value_text = ?, numeric_value = ?, value_code = ?, value_coding_system = ?, units = ?, "
                + "reference_range = ?, abnormal_flags = ?, result_status = ?, observed_at = ?, ordering_provider = ?, "
                + "performer = ?, source = ?, control_id = ?, recorded_at = ? WHERE id = ?",
                o.orderNumber, o.serviceCode, o.serviceText, o.setId, o.code, o.codingSystem, o.text, o.alternateCode,
                o.alternateCodingSystem, o.subId, o.valueType, o.value, o.numericValue, o.valueCode,
                o.valueCodingSystem, o.units, o.referenceRange, o.abnormalFlags, o.resultStatus, o.observedAt,
                o.orderingProvider, o.performer, o.source, o.controlId, o.recordedAt, o.id);
    }

    /** Newest first; only those with this code or alternate code when {@code code} is not null. */
    public List<ObservationDTO> ofChild(Connection c, String childId, String code) throws SQLException {
        if (code == null) {
            return Rows.list(c, "SELECT * FROM consult_observation WHERE child_id = ? ORDER BY observed_at DESC, "
                    + "recorded_at DESC, id", ObservationStore::observation, childId);
        }
        return Rows.list(c, "SELECT * FROM consult_observation WHERE child_id = ? AND (code = ? OR alternate_code = ?) "
                + "ORDER BY observed_at DESC, recorded_at DESC, id", ObservationStore::observation, childId, code, code);
    }

    /** The newest {@code limit} observations of the child, newest first. */
    public List<ObservationDTO> newestOfChild(Connection c, String childId, int limit) throws SQLException {
        return Rows.list(c, "SELECT * FROM consult_observation WHERE child_id = ? ORDER BY observed_at DESC, "
                + "recorded_at DESC, id FETCH FIRST " + limit + " ROWS ONLY", ObservationStore::observation, childId);
    }

    private static Object[] values(ObservationDTO o, String resultKey, String id) {
        return new Object[] {id, o.childId, resultKey, o.orderNumber, o.serviceCode, o.serviceText, o.setId, o.code,
            o.codingSystem, o.text, o.alternateCode, o.alternateCodingSystem, o.subId, o.valueType, o.value,
            o.numericValue, o.valueCode, o.valueCodingSystem, o.units, o.referenceRange, o.abnormalFlags,
            o.resultStatus, o.observedAt, o.orderingProvider, o.performer, o.source, o.controlId, o.recordedAt};
    }

    private static ObservationDTO observation(ResultSet rs) throws SQLException {
        ObservationDTO o = new ObservationDTO();
        o.id = rs.getString("id");
        o.childId = rs.getString("child_id");
        o.orderNumber = rs.getString("order_number");
        o.serviceCode = rs.getString("service_code");
        o.serviceText = rs.getString("service_text");
        o.setId = rs.getString("set_id");
        o.code = rs.getString("code");
        o.codingSystem = rs.getString("coding_system");
        o.text = rs.getString("code_text");
        o.alternateCode = rs.getString("alternate_code");
        o.alternateCodingSystem = rs.getString("alternate_coding_system");
        o.subId = rs.getString("sub_id");
        o.valueType = rs.getString("value_type");
        o.value = rs.getString("value_text");
        double n = rs.getDouble("numeric_value");
        o.numericValue = rs.wasNull() ? null : n;
        o.valueCode = rs.getString("value_code");
        o.valueCodingSystem = rs.getString("value_coding_system");
        o.units = rs.getString("units");
        o.referenceRange = rs.getString("reference_range");
        o.abnormalFlags = rs.getString("abnormal_flags");
        o.resultStatus = rs.getString("result_status");
        o.observedAt = Rows.instant(rs, "observed_at");
        o.orderingProvider = rs.getString("ordering_provider");
        o.performer = rs.getString("performer");
        o.source = rs.getString("source");
        o.controlId = rs.getString("control_id");
        o.recordedAt = Rows.instant(rs, "recorded_at");
        return o;
    }
}
