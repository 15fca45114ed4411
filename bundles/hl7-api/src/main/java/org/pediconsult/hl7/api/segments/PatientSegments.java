package org.pediconsult.hl7.api.segments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.consultation.api.dto.PhysicianDTO;

/**
 * The segments PediConsult's outbound messages share, written one way for every bundle that maps events to
 * HL7 (prescriptions, dispenses, claims): PID (the PediConsult id as PI first, then the HIS id as MR or the
 * identity document; name, birth date, sex), PV1 (an outpatient online visit numbered by the consultation
 * id, the physician when booked), a physician or a login as XCN, a person's name as XPN, timestamps
 * {@code yyyyMMddHHmmssZ} and dates {@code yyyyMMdd} in the zone given, and relationships as table 0063.
 *
 * @since 1.0
 */
public final class PatientSegments {
    public static final String AUTHORITY = "PEDICONSULT";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ZoneId zone;

    public PatientSegments(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public String ts(Instant at) {
        return at == null ? "" : TS.format(at.atZone(zone));
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** PID: PediConsult id (PI) first, then the HIS id (MR) or the identity document. */
    public void pid(Segment pid, ChildDTO child) throws HL7Exception {
        Terser.set(pid, 1, 0, 1, 1, "1");
        Terser.set(pid, 3, 0, 1, 1, child.id);
        Terser.set(pid, 3, 0, 4, 1, AUTHORITY);
        Terser.set(pid, 3, 0, 5, 1, "PI");
        if (child.idValue != null && !child.idValue.isBlank()) {
            String value = child.idValue;
            String authority = "";
            String type = "NI";
            if ("HIS".equals(child.idType)) {
                int cut = value.lastIndexOf('^');
                authority = cut < 0 ? "" : value.substring(0, cut);
                value = cut < 0 ? value : value.substring(cut + 1);
                type = "MR";
            } else if (child.idType != null) {
                authority = child.idType;
            }
            Terser.set(pid, 3, 1, 1, 1, value);
            Terser.set(pid, 3, 1, 4, 1, authority);
            Terser.set(pid, 3, 1, 5, 1, type);
        }
        Terser.set(pid, 5, 0, 1, 1, child.familyName);
        Terser.set(pid, 5, 0, 2, 1, child.givenName);
        Terser.set(pid, 5, 0, 7, 1, "L");
        Terser.set(pid, 7, 0, 1, 1, child.birthDate == null ? "" : DATE.format(child.birthDate));
        Terser.set(pid, 8, 0, 1, 1, sex(child.sex));
    }

    /** PV1: outpatient (O) online visit; PV1-19 the consultation id; PV1-7 the physician when booked. */
    public void pv1(Segment pv1, ConsultationRecord r) throws HL7Exception {
        Terser.set(pv1, 1, 0, 1, 1, "1");
        Terser.set(pv1, 2, 0, 1, 1, "O");
        Terser.set(pv1, 3, 0, 1, 1, "ONLINE");
        Terser.set(pv1, 4, 0, 1, 1, "R");
        if (r.physician != null) {
            xcn(pv1, 7, 0, r.physician);
        }
        Terser.set(pv1, 10, 0, 1, 1, r.consultation.specialtyId);
        Terser.set(pv1, 19, 0, 1, 1, r.consultation.id);
        Terser.set(pv1, 19, 0, 4, 1, AUTHORITY);
        Terser.set(pv1, 19, 0, 5, 1, "VN");
        Terser.set(pv1, 44, 0, 1, 1, ts(r.consultation.createdAt));
    }

    /** A physician as XCN: licence number, family name, given name, title. */
    public void xcn(Segment segment, int field, PhysicianDTO p) throws HL7Exception {
        xcn(segment, field, 0, p);
    }

    /** A PediConsult user known only by login name, as XCN: the login with PEDICONSULT as assigning authority. */
    public void xcnLogin(Segment segment, int field, String login) throws HL7Exception {
        Terser.set(segment, field, 0, 1, 1, login);
        Terser.set(segment, field, 0, 9, 1, AUTHORITY);
    }

    /** A physician as XCN (repetition {@code rep}): licence number, family name, given name, title. */
    public void xcn(Segment segment, int field, int rep, PhysicianDTO p) throws HL7Exception {
        Terser.set(segment, field, rep, 1, 1, p.licenceNumber);
        Terser.set(segment, field, rep, 2, 1, p.familyName);
        Terser.set(segment, field, rep, 3, 1, p.givenName);
        Terser.set(segment, field, rep, 6, 1, p.title);
    }

    /** A person's name as XPN: family name, given name, name type L (legal). */
    public static void xpn(Segment segment, int field, String familyName, String givenName) throws HL7Exception {
        Terser.set(segment, field, 0, 1, 1, familyName);
        Terser.set(segment, field, 0, 2, 1, givenName);
        Terser.set(segment, field, 0, 7, 1, "L");
    }

    /**
     * A relationship as HL7 table 0063: PediConsult's codes (MOTHER, FATHER, GRANDPARENT, LEGAL_GUARDIAN,
     * SELF) are translated, a table 0063 code (MTH, FTH, GRP, GRD, SEL, ...) is kept; anything else is OTH.
     */
    public static String relationship(String relationship) {
        if (relationship == null || relationship.isBlank()) {
            return "OTH";
        }
        String r = relationship.trim().toUpperCase(java.util.Locale.ROOT);
        switch (r) {
            case "MOTHER": return "MTH";
            case "FATHER": return "FTH";
            case "GRANDPARENT": return "GRP";
            case "LEGAL_GUARDIAN": case "GUARDIAN": return "GRD";
            case "SELF": return "SEL";
            default: return r.matches("[A-Z]{3}") ? r : "OTH";
        }
    }

    private static String sex(String sex) {
        if (sex == null) {
            return "U";
        }
        switch (sex) {
            case "FEMALE": return "F";
            case "MALE": return "M";
            case "OTHER": return "O";
            default: return "U";
        }
    }
}
