package org.pediconsult.specialty.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A pediatric specialty offered for online initial consultations. Register an implementation as an
 * OSGi service (e.g. {@code @Component(service = Specialty.class)}); it appears in
 * {@code GET /api/specialties} while the service is registered and disappears when it goes.
 * Implementations must be thread-safe and side-effect free.
 *
 * @since 1.0
 */
@ConsumerType
public interface Specialty {
    /** Stable id used in the API and stored with consultations, e.g. {@code growth-development}. Lower-case, digits, '-'. */
    String id();

    /** Display names. */
    LocalizedText name();

    /** The pre-consultation questionnaire the guardian fills in; the server validates answers against it. */
    Questionnaire questionnaire();

    /**
     * Checks beyond the questionnaire's static bounds, which need the child's age and sex: e.g. a
     * height impossible for a 3-year-old. Each problem names the answer's path
     * ({@code answers.measurements[0].heightCm}); any problem refuses the assessment with 400 before
     * triage, so triage never sees such values.
     *
     * @since 1.1
     */
    default List<FieldProblem> validate(AssessmentInput assessment) {
        return List.of();
    }

    /**
     * The scored instruments of the questionnaire (e.g. a PHQ-A total), computed from validated
     * answers. Stored with the assessment and shown to the physician, never to the guardian. Called
     * after {@link #validate}; the default has none.
     *
     * @since 1.4
     */
    default List<Score> scores(AssessmentInput assessment) {
        return List.of();
    }

    /**
     * Triage of a validated assessment by this specialty's rules. Called only with answers that
     * passed {@link #questionnaire()} validation.
     */
    TriageResult triage(AssessmentInput assessment);

    /** Medicines a physician may prescribe online under this specialty, with pediatric dose rules. */
    List<FormularyEntry> formulary();

    /** Template of the consult note (sections the physician fills in). */
    LocalizedText noteTemplate();

    /** How the specialty is coded in HL7 messages (SIU AIS-3 / MDM TXA-2, PV1-10). */
    CodedValue hl7Coding();
}
