package org.pediconsult.hl7.internal.inbound;

import java.time.LocalDate;
import java.util.Set;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
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
        // the segments are found once and each field read from its segment: a Terser path per field
        // ("/.PID-5-1") searched the message structure again for every field, a fifth of the handler's
        // time in the 8-connection HL7 run (profiled, issue 18)
        Segment pid = segment(message, "PID");
        HisPatient p = new HisPatient();
        String id = Terser.get(pid, 3, 0, 1, 1);
        if (blank(id)) {
            throw new MissingField("PID", 3, "PID-3 (patient identifier) is required");
        }
        String authority = Terser.get(pid, 3, 0, 4, 1);
        p.hisId = hisId(id, authority);
        p.familyName = Terser.get(pid, 5, 0, 1, 1);
        p.givenName = Terser.get(pid, 5, 0, 2, 1);
        if (blank(p.familyName)) {
            throw new MissingField("PID", 5, "PID-5 (patient name) is required");
        }
        String dob = Terser.get(pid, 7, 0, 1, 1);
        if (blank(dob) || dob.length() < 8) {
            throw new MissingField("PID", 7, "PID-7 (date of birth, YYYYMMDD) is required");
        }
        try {
            p.birthDate = LocalDate.of(Integer.parseInt(dob.substring(0, 4)), Integer.parseInt(dob.substring(4, 6)),
                    Integer.parseInt(dob.substring(6, 8)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new MissingField("PID", 7, "PID-7 is not a date (YYYYMMDD)");
        }
        p.sex = sex(Terser.get(pid, 8, 0, 1, 1));
        String city = Terser.get(pid, 11, 0, 3, 1);
        p.city = blank(city) ? null : city.strip();
        for (Structure kin : message.getAll("NK1")) {
            Segment nk1 = (Segment) kin;
            HisPatient.Guardian g = new HisPatient.Guardian();
            g.familyName = Terser.get(nk1, 2, 0, 1, 1);
            g.givenName = Terser.get(nk1, 2, 0, 2, 1);
            g.relationship = relationship(Terser.get(nk1, 3, 0, 1, 1));
            g.phone = Terser.get(nk1, 5, 0, 1, 1);
            p.guardians.add(g);
        }
        return p;
    }

    /** The top-level segment {@code name} (PID of ADT_A01 and ADT_A05), else the first found anywhere. */
    private static Segment segment(Message message, String name) throws HL7Exception {
        try {
            return (Segment) message.get(name);
        } catch (HL7Exception notAtTopLevel) {
            return new Terser(message).getSegment("/." + name);
        }
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
