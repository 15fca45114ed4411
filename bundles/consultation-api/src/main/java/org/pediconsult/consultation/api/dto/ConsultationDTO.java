package org.pediconsult.consultation.api.dto;

import java.time.Instant;

/** A consultation as the API shows it. @since 1.0 */
public class ConsultationDTO {
    public String id;
    public String childId;
    public String guardianId;
    public String specialtyId;
    /** False while the specialty's bundle is not installed: readable, but no new transitions. */
    public boolean specialtyAvailable;
    public String assessmentId;
    /** INITIAL or FOLLOW_UP. */
    public String kind;
    public String previousId;
    public String state;
    public String physicianId;
    public String slotId;
    public Instant scheduledAt;
    public boolean guardianPresent;
    public String guardianAttestedBy;
    public Instant guardianAttestedAt;
    public String diagnosis;
    public String plan;
    public String referralReason;
    public String referralFacility;
    /** The reason of a referral from triage in Chinese (null for a physician's end-and-refer). @since 1.6 */
    public String referralReasonZh;
    /** The facility of a referral from triage in Chinese. @since 1.6 */
    public String referralFacilityZh;
    /** How soon (IMMEDIATE, WITHIN_24_HOURS, WITHIN_72_HOURS, WITHIN_7_DAYS, ROUTINE), from triage, or null. @since 1.6 */
    public String referralUrgency;
    /** The kind of destination from triage (e.g. EMERGENCY_DEPARTMENT, MENTAL_HEALTH_SERVICE), or null. @since 1.6 */
    public String referralDestination;
    public TriageDTO triage;
    public int version;
    public Instant createdAt;
    public Instant updatedAt;
    /** When it was completed (null before); @since 1.4. */
    public Instant completedAt;
}
