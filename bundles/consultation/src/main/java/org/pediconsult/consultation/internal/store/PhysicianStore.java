package org.pediconsult.consultation.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.consultation.api.dto.SlotDTO;

/** Physicians, the specialties they cover, and their bookable slots. */
public final class PhysicianStore {

    public void insert(Connection c, PhysicianDTO p, Instant now) throws SQLException {
        Rows.update(c, "INSERT INTO consult_physician (id, username, family_name, given_name, licence_number, "
                + "practice_since, title, institution, whitelisted, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.id, p.username, p.familyName, p.givenName, p.licenceNumber, p.practiceSince, p.title, p.institution,
                p.whitelisted, now);
        for (String specialty : p.specialties) {
            Rows.update(c, "INSERT INTO consult_physician_specialty (physician_id, specialty_id) VALUES (?, ?)",
                    p.id, specialty);
        }
    }

    public PhysicianDTO byId(Connection c, String id) throws SQLException {
        PhysicianDTO p = Rows.one(c, "SELECT * FROM consult_physician WHERE id = ?", PhysicianStore::physician, id);
        return withSpecialties(c, p);
    }

    public PhysicianDTO byUsername(Connection c, String username) throws SQLException {
        PhysicianDTO p = Rows.one(c, "SELECT * FROM consult_physician WHERE username = ?", PhysicianStore::physician,
                username);
        return withSpecialties(c, p);
    }

    public List<PhysicianDTO> all(Connection c) throws SQLException {
        List<PhysicianDTO> all = Rows.list(c, "SELECT * FROM consult_physician ORDER BY family_name, given_name, id",
                PhysicianStore::physician);
        for (PhysicianDTO p : all) {
            withSpecialties(c, p);
        }
        return all;
    }

    private PhysicianDTO withSpecialties(Connection c, PhysicianDTO p) throws SQLException {
        if (p != null) {
            p.specialties = Rows.list(c, "SELECT specialty_id FROM consult_physician_specialty WHERE physician_id = ? "
                    + "ORDER BY specialty_id", rs -> rs.getString(1), p.id);
        }
        return p;
    }

    public void insertSlot(Connection c, SlotDTO s) throws SQLException {
        Rows.update(c, "INSERT INTO consult_slot (id, physician_id, starts_at, minutes) VALUES (?, ?, ?, ?)",
                s.id, s.physicianId, s.startsAt, s.minutes);
    }

    public SlotDTO slot(Connection c, String id) throws SQLException {
        return Rows.one(c, "SELECT * FROM consult_slot WHERE id = ?", PhysicianStore::slot, id);
    }

    /** A slot and its physician with the specialties they cover: what a booking checks, in one query. */
    public record BookableSlot(SlotDTO slot, PhysicianDTO physician) {
    }

    /** The slot, its physician and the physician's specialties (one round trip instead of three), or null. */
    public BookableSlot bookableSlot(Connection c, String slotId) throws SQLException {
        List<BookableRow> rows = Rows.list(c, "SELECT s.id AS slot_id, s.physician_id, s.starts_at, s.minutes, "
                + "s.consultation_id, p.*, ps.specialty_id FROM consult_slot s "
                + "JOIN consult_physician p ON p.id = s.physician_id "
                + "LEFT JOIN consult_physician_specialty ps ON ps.physician_id = p.id "
                + "WHERE s.id = ? ORDER BY ps.specialty_id", rs -> new BookableRow(slot(rs, "slot_id"),
                        physician(rs), rs.getString("specialty_id")), slotId);
        if (rows.isEmpty()) {
            return null;
        }
        PhysicianDTO p = rows.get(0).physician();
        p.specialties = new java.util.ArrayList<>();
        for (BookableRow row : rows) {
            if (row.specialty() != null) {
                p.specialties.add(row.specialty());
            }
        }
        return new BookableSlot(rows.get(0).slot(), p);
    }

    /** One row of {@link #bookableSlot}: the slot and physician repeated for each specialty (null: none). */
    private record BookableRow(SlotDTO slot, PhysicianDTO physician, String specialty) {
    }

    public List<SlotDTO> slots(Connection c, String physicianId, Instant from, boolean freeOnly) throws SQLException {
        return Rows.list(c, slotsSql(freeOnly), PhysicianStore::slot, physicianId, from);
    }

    /**
     * A physician's slots from a time on, in time order: a range of uq_consult_slot_time (SlotPlansTest). The order
     * names the index's columns, physician_id first (one value here, so the same order): H2 then reads the range in
     * order instead of sorting it, as it does only for an ORDER BY that starts with the index's first column.
     */
    static String slotsSql(boolean freeOnly) {
        return "SELECT * FROM consult_slot WHERE physician_id = ? AND starts_at >= ?"
                + (freeOnly ? " AND consultation_id IS NULL" : "") + " ORDER BY physician_id, starts_at";
    }

    /**
     * Takes a free slot for a consultation. One UPDATE with the "still free" condition, so of any
     * number of concurrent bookings exactly one gets 1 row back, on H2 and PostgreSQL alike.
     */
    public boolean claimSlot(Connection c, String slotId, String consultationId) throws SQLException {
        return Rows.update(c, "UPDATE consult_slot SET consultation_id = ? WHERE id = ? AND consultation_id IS NULL",
                consultationId, slotId) == 1;
    }

    public void releaseSlot(Connection c, String slotId, String consultationId) throws SQLException {
        Rows.update(c, "UPDATE consult_slot SET consultation_id = NULL WHERE id = ? AND consultation_id = ?",
                slotId, consultationId);
    }

    private static PhysicianDTO physician(ResultSet rs) throws SQLException {
        PhysicianDTO p = new PhysicianDTO();
        p.id = rs.getString("id");
        p.username = rs.getString("username");
        p.familyName = rs.getString("family_name");
        p.givenName = rs.getString("given_name");
        p.licenceNumber = rs.getString("licence_number");
        p.practiceSince = Rows.date(rs, "practice_since");
        p.title = rs.getString("title");
        p.institution = rs.getString("institution");
        p.whitelisted = rs.getBoolean("whitelisted");
        return p;
    }

    private static SlotDTO slot(ResultSet rs) throws SQLException {
        return slot(rs, "id");
    }

    private static SlotDTO slot(ResultSet rs, String idColumn) throws SQLException {
        SlotDTO s = new SlotDTO();
        s.id = rs.getString(idColumn);
        s.physicianId = rs.getString("physician_id");
        s.startsAt = Rows.instant(rs, "starts_at");
        s.minutes = rs.getInt("minutes");
        s.free = rs.getString("consultation_id") == null;
        return s;
    }
}
