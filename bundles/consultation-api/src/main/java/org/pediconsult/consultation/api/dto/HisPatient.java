package org.pediconsult.consultation.api.dto;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A child as the HIS sends it (PID) with its next of kin (NK1). @since 1.1 */
public class HisPatient {
    /** The HIS identifier, e.g. {@code PILOT1^HIS-000123} (assigning authority ^ id, PID-3). */
    public String hisId;
    public String familyName;
    public String givenName;
    /** FEMALE, MALE, OTHER or UNKNOWN (PID-8 F/M/O/U). */
    public String sex;
    public LocalDate birthDate;
    /** The city of the patient's address as the HIS sends it (PID-11, XAD-3), or {@code null}. @since 1.5 */
    public String city;
    public List<Guardian> guardians = new ArrayList<>();

    /** One NK1 guardian. */
    public static class Guardian {
        public String familyName;
        public String givenName;
        /** MOTHER, FATHER, GRANDPARENT, LEGAL_GUARDIAN, OTHER (from NK1-3, HL7 table 0063). */
        public String relationship;
        public String phone;
    }
}
