package org.pediconsult.hl7.internal.inbound;

/**
 * What became of an inbound message: the {@code outcome} column of its {@code hl7_message} row
 * (direction IN), stored as {@link #name()} (VARCHAR, V1). Outbound rows use
 * {@link org.pediconsult.hl7.internal.outbound.OutboundOutcome} in the same column. SQL that names an
 * outcome as a literal (e.g. {@code outcome = 'RECEIVED'}, kept literal so the plan stays the one the
 * indexes were made for) says which constant it is.
 */
public enum InboundOutcome {
    /** Stored and acknowledged, not processed yet ({@link AckAfter#STORED}); the channel's processor takes it. */
    RECEIVED,
    /** Processed (patient upsert, observations recorded, or a contributed processor) and acknowledged. */
    PROCESSED,
    /** Acknowledged and stored; nothing processes its type. */
    ACCEPTED,
    /**
     * Refused with a negative ACK (unreadable, over a limit, a refused field, refused in processing)
     * or, acknowledged at receipt ({@link AckAfter#STORED}), refused in processing; can be reprocessed.
     */
    ERROR,
    /** Refused with AR: the sending facility is not allowed on the channel; can be reprocessed. */
    REJECTED,
    /** A resend of a key already stored: answered with the first delivery's ACK, not processed. */
    DUPLICATE
}
