package org.pediconsult.prescription.api;

/**
 * Where a prescription stands. A version is never edited once signed: a rejected one is corrected by
 * signing a new version ({@code previousId} names the rejected one).
 *
 * <pre>
 * DRAFT -> AWAITING_REVIEW (signed) -> APPROVED (effective, sent to the pharmacy) -> DISPENSED
 *                                   -> REJECTED (reason back to the physician)
 * DRAFT, AWAITING_REVIEW, APPROVED  -> VOIDED (referral, cancellation, the physician)
 * APPROVED                          -> EXPIRED (not dispensed before valid_until)
 * </pre>
 */
public enum PrescriptionState {
    DRAFT, AWAITING_REVIEW, APPROVED, REJECTED, VOIDED, EXPIRED, DISPENSED;

    /** True when nothing can happen to it any more. */
    public boolean terminal() {
        return this == REJECTED || this == VOIDED || this == EXPIRED || this == DISPENSED;
    }

    /** True when its items count as the child's current medicines (duplicate-ingredient check). */
    public boolean active() {
        return this == AWAITING_REVIEW || this == APPROVED;
    }
}
