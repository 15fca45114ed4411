package org.pediconsult.pharmacy.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.pediconsult.pharmacy.api.AddressDTO;
import org.pediconsult.pharmacy.api.DeliveryDTO;
import org.pediconsult.pharmacy.api.DeliveryState;
import org.pediconsult.pharmacy.api.RefusalReason;
import org.pediconsult.platform.api.data.Sql;

import com.fasterxml.jackson.core.type.TypeReference;

/** {@code pharm_delivery} and its steps; every write is conditional on the row version. */
public final class DeliveryStore {
    private static final String COLUMNS = "id, prescription_id, consultation_id, child_id, guardian, guardian_phone, state, "
            + "address_json, cold_chain, dispense_id, courier, seal_number, attempts, refusal_reason, note, last_temperature, "
            + "last_reading_at, excursion, created_at, dispatched_at, delivered_at, updated_at, row_version";

    /** A delivery row with the guardian's phone, which the DTO does not show. */
    public record Row(DeliveryDTO delivery, String guardianPhone) {
    }

    public void insert(Connection c, DeliveryDTO d, String guardianPhone) throws SQLException {
        Sql.update(c, "INSERT INTO pharm_delivery (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?)", d.id, d.prescriptionId, d.consultationId, d.childId, d.guardian, guardianPhone, d.state,
                Json.write(d.address), d.coldChain, d.dispenseId, d.courier, d.sealNumber, d.attempts, d.refusalReason, d.note,
                d.lastTemperatureC, d.lastReadingAt, d.excursion, d.createdAt, d.dispatchedAt, d.deliveredAt, d.updatedAt,
                d.rowVersion);
    }

    /** Writes the mutable columns if the row still has {@code d.rowVersion}; false when someone changed it first. */
    public boolean update(Connection c, DeliveryDTO d) throws SQLException {
        int n = Sql.update(c, "UPDATE pharm_delivery SET state = ?, address_json = ?, dispense_id = ?, courier = ?, seal_number = ?, "
                + "attempts = ?, refusal_reason = ?, note = ?, last_temperature = ?, last_reading_at = ?, excursion = ?, "
                + "dispatched_at = ?, delivered_at = ?, updated_at = ?, row_version = ? WHERE id = ? AND row_version = ?",
                d.state, Json.write(d.address), d.dispenseId, d.courier, d.sealNumber, d.attempts, d.refusalReason, d.note,
                d.lastTemperatureC, d.lastReadingAt, d.excursion, d.dispatchedAt, d.deliveredAt, d.updatedAt, d.rowVersion + 1,
                d.id, d.rowVersion);
        if (n == 1) {
            d.rowVersion++;
        }
        return n == 1;
    }

    public Row byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM pharm_delivery WHERE id = ?", DeliveryStore::row, id);
    }

    public Row byPrescription(Connection c, String prescriptionId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM pharm_delivery WHERE prescription_id = ?", DeliveryStore::row, prescriptionId);
    }

    public List<DeliveryDTO> byConsultation(Connection c, String consultationId) throws SQLException {
        return deliveries(Sql.list(c, "SELECT " + COLUMNS + " FROM pharm_delivery WHERE consultation_id = ? ORDER BY created_at, id",
                DeliveryStore::row, consultationId));
    }

    public List<DeliveryDTO> byCourier(Connection c, String courier, int limit) throws SQLException {
        return deliveries(Sql.list(c, "SELECT " + COLUMNS + " FROM pharm_delivery WHERE courier = ? AND state IN ('AWAITING_PICKUP', "
                + "'IN_TRANSIT', 'FAILED_ATTEMPT', 'REFUSED') ORDER BY created_at, id FETCH FIRST " + limit + " ROWS ONLY",
                DeliveryStore::row, courier));
    }

    public List<DeliveryDTO> byGuardian(Connection c, String guardian, int limit) throws SQLException {
        return deliveries(Sql.list(c, "SELECT " + COLUMNS + " FROM pharm_delivery WHERE guardian = ? ORDER BY created_at DESC, id "
                + "FETCH FIRST " + limit + " ROWS ONLY", DeliveryStore::row, guardian));
    }

    public List<DeliveryDTO> byChildren(Connection c, List<String> children, int limit) throws SQLException {
        if (children.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(children.size(), "?"));
        return deliveries(Sql.list(c, "SELECT " + COLUMNS + " FROM pharm_delivery WHERE child_id IN (" + in + ") "
                + "ORDER BY created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY", DeliveryStore::row, children.toArray()));
    }

    public List<DeliveryDTO> byState(Connection c, DeliveryState state, int limit) throws SQLException {
        return deliveries(Sql.list(c, "SELECT " + COLUMNS + " FROM pharm_delivery WHERE state = ? ORDER BY created_at, id "
                + "FETCH FIRST " + limit + " ROWS ONLY", DeliveryStore::row, state));
    }

    public List<DeliveryDTO> open(Connection c, int limit) throws SQLException {
        return deliveries(Sql.list(c, "SELECT " + COLUMNS + " FROM pharm_delivery WHERE state NOT IN ('DELIVERED', 'QUARANTINED', "
                + "'CANCELLED') ORDER BY created_at, id FETCH FIRST " + limit + " ROWS ONLY", DeliveryStore::row));
    }

    /** Deliveries created in [from, to), for the operations figures. */
    public List<DeliveryDTO> createdBetween(Connection c, Instant from, Instant to, int limit) throws SQLException {
        return deliveries(Sql.list(c, "SELECT " + COLUMNS + " FROM pharm_delivery WHERE created_at >= ? AND created_at < ? "
                + "ORDER BY created_at, id FETCH FIRST " + limit + " ROWS ONLY", DeliveryStore::row, from, to));
    }

    public void insertStep(Connection c, String deliveryId, Instant at, DeliveryState from, DeliveryState to, String actor,
                           String note) throws SQLException {
        Sql.update(c, "INSERT INTO pharm_delivery_step (delivery_id, seq, at, from_state, to_state, actor, note) VALUES "
                + "(?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM pharm_delivery_step WHERE delivery_id = ?), ?, ?, ?, ?, ?)",
                deliveryId, deliveryId, at, from, to, actor, note);
    }

    public List<DeliveryDTO.Step> steps(Connection c, String deliveryId) throws SQLException {
        return Sql.list(c, "SELECT at, from_state, to_state, actor, note FROM pharm_delivery_step WHERE delivery_id = ? ORDER BY seq",
                rs -> {
                    DeliveryDTO.Step s = new DeliveryDTO.Step();
                    s.at = Sql.instant(rs, "at");
                    String from = rs.getString("from_state");
                    s.from = from == null ? null : DeliveryState.valueOf(from);
                    s.to = DeliveryState.valueOf(rs.getString("to_state"));
                    s.actor = rs.getString("actor");
                    s.note = rs.getString("note");
                    return s;
                }, deliveryId);
    }

    /** Adds a reading unless this delivery already has one of that id; true when added. */
    public boolean insertReading(Connection c, String deliveryId, String readingId, Instant at, double celsius, boolean inRange,
                                 Instant receivedAt) throws SQLException {
        if (Sql.one(c, "SELECT 1 FROM pharm_reading WHERE delivery_id = ? AND reading_id = ?", rs -> Boolean.TRUE, deliveryId,
                readingId) != null) {
            return false;
        }
        Sql.update(c, "INSERT INTO pharm_reading (delivery_id, reading_id, at, celsius, in_range, received_at) VALUES (?, ?, ?, ?, ?, ?)",
                deliveryId, readingId, at, celsius, inRange, receivedAt);
        return true;
    }

    public record Reading(String deliveryId, String readingId, Instant at, double celsius, boolean inRange) {
    }

    public List<Reading> readings(Connection c, String deliveryId, int limit) throws SQLException {
        return Sql.list(c, "SELECT delivery_id, reading_id, at, celsius, in_range FROM pharm_reading WHERE delivery_id = ? "
                + "ORDER BY at, reading_id FETCH FIRST " + limit + " ROWS ONLY", DeliveryStore::reading, deliveryId);
    }

    public List<Reading> alarms(Connection c, Instant from, Instant to, int limit) throws SQLException {
        return Sql.list(c, "SELECT delivery_id, reading_id, at, celsius, in_range FROM pharm_reading WHERE in_range = FALSE "
                + "AND at >= ? AND at < ? ORDER BY at FETCH FIRST " + limit + " ROWS ONLY", DeliveryStore::reading, from, to);
    }

    private static Reading reading(ResultSet rs) throws SQLException {
        return new Reading(rs.getString(1), rs.getString(2), Sql.instant(rs, "at"), rs.getDouble(4), rs.getBoolean(5));
    }

    private static List<DeliveryDTO> deliveries(List<Row> rows) {
        List<DeliveryDTO> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.delivery()));
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        DeliveryDTO d = new DeliveryDTO();
        d.id = rs.getString("id");
        d.prescriptionId = rs.getString("prescription_id");
        d.consultationId = rs.getString("consultation_id");
        d.childId = rs.getString("child_id");
        d.guardian = rs.getString("guardian");
        d.state = DeliveryState.valueOf(rs.getString("state"));
        d.address = Json.read(rs.getString("address_json"), new TypeReference<AddressDTO>() { });
        d.coldChain = rs.getBoolean("cold_chain");
        d.dispenseId = rs.getString("dispense_id");
        d.courier = rs.getString("courier");
        d.sealNumber = rs.getString("seal_number");
        d.attempts = rs.getInt("attempts");
        String reason = rs.getString("refusal_reason");
        d.refusalReason = reason == null ? null : RefusalReason.valueOf(reason);
        d.note = rs.getString("note");
        d.lastTemperatureC = Sql.dbl(rs, "last_temperature");
        d.lastReadingAt = Sql.instant(rs, "last_reading_at");
        d.excursion = rs.getBoolean("excursion");
        d.createdAt = Sql.instant(rs, "created_at");
        d.dispatchedAt = Sql.instant(rs, "dispatched_at");
        d.deliveredAt = Sql.instant(rs, "delivered_at");
        d.updatedAt = Sql.instant(rs, "updated_at");
        d.rowVersion = rs.getInt("row_version");
        return new Row(d, rs.getString("guardian_phone"));
    }
}
