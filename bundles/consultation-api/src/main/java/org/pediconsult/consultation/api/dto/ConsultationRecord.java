package org.pediconsult.consultation.api.dto;

/**
 * A consultation with the child, the guardian attending and the physician (null until booked), as
 * an interface reads it. @since 1.2
 */
public class ConsultationRecord {
    public ConsultationDTO consultation;
    public ChildDTO child;
    public GuardianDTO guardian;
    /** The guardian's recorded relationship to the child (e.g. MOTHER), or null. */
    public String guardianRelationship;
    public PhysicianDTO physician;
    /** Minutes of the booked slot, 0 when not booked. */
    public int slotMinutes;
    /** The specialty's display name in Chinese and English, when the specialty is installed. */
    public String specialtyNameZh;
    public String specialtyNameEn;
}
