package org.pediconsult.specialty.api;

/**
 * Who answered the questionnaire. The guardian is always present (a pilot rule); an adolescent may
 * answer a self-report instrument on the guardian's phone, which the guardian says when submitting.
 *
 * @since 1.4
 */
public enum Respondent {
    /** The guardian answered about the child. */
    GUARDIAN,
    /** The child answered for themself, with the guardian present. */
    CHILD
}
