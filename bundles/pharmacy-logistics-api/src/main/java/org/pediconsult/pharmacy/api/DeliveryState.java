package org.pediconsult.pharmacy.api;

/**
 * A delivery order's states (domain notes, "States of a delivery order").
 *
 * <pre>
 * AWAITING_DISPENSING -> DISPENSED -> AWAITING_PICKUP -> IN_TRANSIT -> DELIVERED
 * IN_TRANSIT -> FAILED_ATTEMPT -> IN_TRANSIT (retry, up to the configured count) | RETURNED
 * IN_TRANSIT -> REFUSED (seal broken, temperature excursion, wrong person, declined) -> RETURNED
 * DISPENSED, AWAITING_PICKUP -> RETURNED (prescription voided after dispensing)
 * RETURNED -> QUARANTINED (never restocked)
 * AWAITING_DISPENSING -> CANCELLED (prescription voided or expired before dispensing)
 * </pre>
 */
public enum DeliveryState {
    AWAITING_DISPENSING, DISPENSED, AWAITING_PICKUP, IN_TRANSIT, FAILED_ATTEMPT, DELIVERED, REFUSED, RETURNED,
    QUARANTINED, CANCELLED;

    /** Nothing more happens to it. */
    public boolean terminal() {
        return this == DELIVERED || this == QUARANTINED || this == CANCELLED;
    }

    /** Still on its way to the family (the pharmacist's "open" list). */
    public boolean open() {
        return !terminal();
    }
}
