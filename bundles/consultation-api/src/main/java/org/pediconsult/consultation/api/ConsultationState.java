package org.pediconsult.consultation.api;

/**
 * States of a consultation. {@code REQUESTED -> ASSESSED -> SCHEDULED -> WAITING -> IN_PROGRESS
 * (<-> PAUSED) -> COMPLETED}, with {@code REFERRED} (from triage, or end-and-refer during a session),
 * {@code CANCELLED} and {@code NO_SHOW}.
 *
 * @since 1.0
 */
public enum ConsultationState {
    /** Created; the assessment is not yet triaged (transient inside one request today). */
    REQUESTED,
    /** Assessment triaged REMOTE_OK; may be booked. */
    ASSESSED,
    /** A physician's slot is booked. */
    SCHEDULED,
    /** The guardian and child are in the waiting room. */
    WAITING,
    /** The physician admitted them and attested the guardian's presence. */
    IN_PROGRESS,
    /** The guardian left during the session; nothing clinical happens until they are back. */
    PAUSED,
    /** Remote diagnosis and plan recorded. */
    COMPLETED,
    /** Not suitable online: referred to in-person care (from triage or end-and-refer). */
    REFERRED,
    CANCELLED,
    NO_SHOW;

    /** No transition leaves a terminal state. */
    public boolean terminal() {
        return this == COMPLETED || this == REFERRED || this == CANCELLED || this == NO_SHOW;
    }
}
