package org.pediconsult.claim.api;

/**
 * A claim's states (domain notes, "Lifecycle"): DRAFT -> QUALIFIED | INELIGIBLE (with reasons) -> SUBMITTED ->
 * ACCEPTED | REJECTED (the insurer's reasons) -> ADJUDICATED (paid per line) -> RECONCILED. A rejected claim is
 * resubmitted as a new version; corrections are new credit/adjustment lines, never edits in place.
 */
public enum ClaimState {
    DRAFT, QUALIFIED, INELIGIBLE, SUBMITTED, ACCEPTED, REJECTED, ADJUDICATED, RECONCILED
}
