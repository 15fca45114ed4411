package org.pediconsult.pharmacy.internal.delivery.rules;

/**
 * What may happen to a delivery order; {@link DeliveryStateMachine} says from which states and where it leads.
 * Every action taken is one state change, hence one event and one audit entry.
 */
public enum DeliveryAction {
    /** The pharmacist dispenses the prescription (or an inbound RDS^O13 records it). */
    DISPENSE,
    /** The pharmacist assigns a courier, or another courier (reassign while awaiting pickup). */
    ASSIGN,
    /** The courier leaves with the parcel; the tamper seal number is recorded and the door code texted. */
    DISPATCH,
    /** The courier enters the guardian's door code. */
    HAND_OVER,
    /** The guardian confirms receipt in the app. */
    CONFIRM_RECEIPT,
    /** The parcel is refused at the door (seal broken, temperature excursion, wrong person, declined). */
    REFUSE,
    /** Nobody took the parcel this time. */
    FAIL_ATTEMPT,
    /** Another attempt after a failed one (up to the configured count, see {@link AttemptsPolicy}). */
    RETRY,
    /** A refused parcel, or one whose attempts are used up, goes back to the pharmacy. */
    RETURN,
    /** A returned parcel is quarantined: never restocked. */
    QUARANTINE,
    /** The prescription was voided or expired before dispensing. */
    CANCEL,
    /** The prescription was voided after dispensing, before the parcel left: it goes back to the pharmacy. */
    RECALL
}
