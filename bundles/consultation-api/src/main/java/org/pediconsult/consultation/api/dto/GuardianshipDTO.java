package org.pediconsult.consultation.api.dto;

import java.time.Instant;

/** A guardian's recorded relationship to a child and how it was verified. @since 1.0 */
public class GuardianshipDTO {
    public String guardianId;
    public String childId;
    /** e.g. MOTHER, FATHER, GRANDPARENT, LEGAL_GUARDIAN. */
    public String relationship;
    public boolean verified;
    public String verifiedBy;
    public String verifiedMethod;
    public Instant verifiedAt;
    /** Set when the hospital refused the verification (the person may correct it and ask again). @since 1.3 */
    public String refusedReason;
    /** @since 1.3 */
    public String refusedBy;
    /** @since 1.3 */
    public Instant refusedAt;
}
