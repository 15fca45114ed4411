package org.pediconsult.hl7.internal.outbound;

/**
 * The delivery state of an outbound message: the {@code state} column of {@code hl7_outbound},
 * stored as {@link #name()} (VARCHAR, V2), each with the {@link OutboundOutcome} its
 * {@code hl7_message} row shows meanwhile. SQL that names a state as a literal (e.g.
 * {@code state = 'PENDING'}, kept literal so the plan stays the one the indexes were made for) says
 * which constant it is.
 */
enum OutboundState {
    /** To be sent (not tried yet, or waiting for its retry); the message row is {@link OutboundOutcome#QUEUED}. */
    PENDING(OutboundOutcome.QUEUED),
    /** Accepted by the receiver. */
    SENT(OutboundOutcome.SENT),
    /** Given up; {@link OutboundStore#resend} puts it back to PENDING. */
    PARKED(OutboundOutcome.PARKED);

    private final OutboundOutcome outcome;

    OutboundState(OutboundOutcome outcome) {
        this.outcome = outcome;
    }

    /** The outcome the message's {@code hl7_message} row has in this state. */
    OutboundOutcome outcome() {
        return outcome;
    }
}
