package org.pediconsult.hl7.internal.outbound;

/**
 * What became of an outbound message: the {@code outcome} column of its {@code hl7_message} row
 * (direction OUT), stored as {@link #name()} (VARCHAR, V2), and the {@code outcome} of the event
 * {@code hl7.outbound-acknowledged} (SENT or PARKED). Its delivery state is {@link OutboundState}.
 */
public enum OutboundOutcome {
    /** In the queue: not tried yet, or tried and waiting for its next attempt. */
    QUEUED,
    /** Accepted by the receiver (AA/CA). */
    SENT,
    /** Given up (rejected, too many failed attempts, or not mappable): for an operator to resend. */
    PARKED
}
