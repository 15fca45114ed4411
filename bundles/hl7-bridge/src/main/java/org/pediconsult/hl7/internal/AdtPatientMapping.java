package org.pediconsult.hl7.internal;

import java.time.LocalDate;
import java.util.Set;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;
import org.pediconsult.consultation.api.dto.HisPatient;

/**
 * ADT A04/A08/A28/A31 to a {@link HisPatient}: PID-3 (first identifier, with its assigning
 * authority), PID-5 name, PID-7 birth date, PID-8 sex, PID-11 city (first address, XAD-3), and each NK1 as a guardian (NK1-2 name,
 * NK1-3 relationship by HL7 table 0063, NK1-5 phone). A missing required field is reported with
 * its HL7 location so the negative ACK can point at it.
 */
final class AdtPatientMapping {
    static final Set<String> EVENTS = Set.of("ADT^A04", "ADT^A08", "ADT^A28", "ADT^A31");

    /** A field the mapping needs that the message lacks. */
    static final class MissingField extends Exception {
        private static final long serialVersionUID = 1L;
        final String segment;
        final int field;

        MissingField(String segment, int field, String text) {
            super(text);
            this.segment = segment;
            this.field = field;
        }
    }

    HisPatient map(Message message) throws HL7Exception, MissingField {
        Terser t = new Terser(message);
        HisPatient p = new HisPatient();
        String id = t.get("/.PID-3-1");
        if (blank(id)) {
            throw new MissingField("PID", 3, "PID-3 (patient identifier) is required");
        }
        String authority = t.get("/.PID-3-4-1");
        p.hisId = hisId(id, authority);
        p.familyName = t.get("/.PID-5-1-1");
        p.givenName = t.get("/.PID-5-2");
        if (blank(p.familyName)) {
            throw new MissingField("PID", 5, "PID-5 (patient name) is required");
        }
        String dob = t.get("/.PID-7-1");
        if (blank(dob) || dob.length() < 8) {
            throw new MissingField("PID", 7, "PID-7 (date of birth, YYYYMMDD) is required");
        }
        try {
            p.birthDate = LocalDate.of(Integer.parseInt(dob.substring(0, 4)), Integer.parseInt(dob.substring(4, 6)),
                    Integer.parseInt(dob.substring(6, 8)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new MissingField("PID", 7, "PID-7 is not a date (YYYYMMDD)");
        }
        p.sex = sex(t.get("/.PID-8"));
        String city = t.get("/.PID-11-3");
        p.city = blank(city) ? null : city.strip();
        Structure[] kin = message.getAll("NK1");
        for (int i = 0; i < kin.length; i++) {
            HisPatient.Guardian g = new HisPatient.Guardian();
            g.familyName = t.get("/.NK1(" + i + ")-2-1-1");
            g.givenName = t.get("/.NK1(" + i + ")-2-2");
            g.relationship = relationship(t.get("/.NK1(" + i + ")-3-1"));
            g.phone = t.get("/.NK1(" + i + ")-5-1");
            p.guardians.add(g);
        }
        return p;
    }

    /** The HIS identifier form the consultation bundle keeps (and ORU looks up): {@code authority^id}, or {@code id}. */
    static String hisId(String id, String authority) {
        return blank(authority) ? id : authority + "^" + id;
    }

    private static String sex(String code) {
        if (code == null) {
            return "UNKNOWN";
        }
        switch (code.trim().toUpperCase()) {
            case "F": return "FEMALE";
            case "M": return "MALE";
            case "O": return "OTHER";
            default: return "UNKNOWN";
        }
    }

    /** HL7 table 0063 to PediConsult relationship codes. */
    private static String relationship(String code) {
        if (code == null) {
            return "OTHER";
        }
        switch (code.trim().toUpperCase()) {
            case "MTH": return "MOTHER";
            case "FTH": return "FATHER";
            case "GRP": return "GRANDPARENT";
            case "GRD": return "LEGAL_GUARDIAN";
            default: return "OTHER";
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
