package org.pediconsult.consultation.internal.rest;

/** Holder of the request bodies shared by the people resources. */
final class PeopleResources {
    private PeopleResources() {
    }

    /** Body of POST /api/children. */
    public static class NewChild {
        public String familyName;
        public String givenName;
        public String sex;
        public java.time.LocalDate birthDate;
        public String idType;
        public String idValue;
        /** The caller's relationship to the child: MOTHER, FATHER, GRANDPARENT, LEGAL_GUARDIAN... */
        public String relationship;
    }

    /** Body of the verification calls. */
    public static class Verification {
        public String guardianId;
        /** How it was verified: ID_CARD_AT_DESK, HIS, BIRTH_CERTIFICATE, HOUSEHOLD_REGISTER... */
        public String method;
        /** VERIFIED (the default) or REFUSED. */
        public String decision;
        /** Why it was refused (required with REFUSED), shown to the guardian. */
        public String reason;
    }
}
