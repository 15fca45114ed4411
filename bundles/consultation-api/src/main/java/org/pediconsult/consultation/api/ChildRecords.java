package org.pediconsult.consultation.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.pediconsult.consultation.api.dto.AllergyDTO;
import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ObservationDTO;
import org.pediconsult.platform.api.security.AuthenticatedUser;

/**
 * A child's record for specialty bundles (growth charts, photos), with the consultation bundle's
 * object-level checks and audit: the caller sees a child only as its guardian, as a physician with a
 * consultation of it, or as an administrator or auditor; otherwise 404 ({@code ProblemException}).
 *
 * @since 1.1
 */
@ProviderType
public interface ChildRecords {
    /** The child, if the caller may see it. */
    ChildDTO child(AuthenticatedUser caller, String childId);

    /** The child's assessments in one specialty, oldest first, if the caller may see the child. */
    List<AssessmentDTO> assessments(AuthenticatedUser caller, String childId, String specialtyId);

    /** True when the caller is the physician of a booked (or later) consultation of this child in this specialty. */
    boolean isTreatingPhysician(AuthenticatedUser caller, String childId, String specialtyId);

    /** True when the caller is a guardian of this child. */
    boolean isGuardian(AuthenticatedUser caller, String childId);

    /**
     * The child's observations from the hospital (HL7 ORU), newest first, if the caller may see the
     * child; only those whose code or alternate code is {@code code} when it is not null (e.g. LOINC
     * {@code 8302-2} body height, {@code 29463-7} body weight). Audited as a read.
     *
     * @since 1.2
     */
    default List<ObservationDTO> observations(AuthenticatedUser caller, String childId, String code) {
        throw new UnsupportedOperationException("observations arrive with consultation API 1.2");
    }

    /**
     * The child's recorded allergies (not removed ones), oldest first, if the caller may see the child;
     * audited as a read.
     *
     * @since 1.4
     */
    default List<AllergyDTO> allergies(AuthenticatedUser caller, String childId) {
        throw new UnsupportedOperationException("allergies arrive with consultation API 1.4");
    }

    /**
     * Records an allergy: by a guardian of the child or a physician with a consultation of it (others 404
     * or 403); {@code substance} an ingredient or drug class (lower-cased), at most 100 characters;
     * {@code reaction} optional, at most 500. Audited.
     *
     * @since 1.4
     */
    default AllergyDTO addAllergy(AuthenticatedUser caller, String childId, String substance, String reaction) {
        throw new UnsupportedOperationException("allergies arrive with consultation API 1.4");
    }

    /** Removes a recorded allergy (kept in the record as removed, by whom and when), with the same checks. @since 1.4 */
    default void removeAllergy(AuthenticatedUser caller, String childId, String allergyId) {
        throw new UnsupportedOperationException("allergies arrive with consultation API 1.4");
    }
}
