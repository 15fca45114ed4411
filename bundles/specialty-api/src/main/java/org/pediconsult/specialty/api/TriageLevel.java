package org.pediconsult.specialty.api;

/**
 * Outcome of triage.
 *
 * @since 1.0
 */
public enum TriageLevel {
    /** The case can be seen online. */
    REMOTE_OK,
    /** Not suitable for remote diagnosis: refer to an in-person clinic. */
    IN_PERSON,
    /** Go to an emergency department now. */
    EMERGENCY;

    /** The more urgent of two levels. */
    public TriageLevel max(TriageLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
