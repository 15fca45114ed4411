package org.pediconsult.hl7.api;

/**
 * An inbound message refused by its processor, with the segment and field at fault (ERR-2 of the
 * negative ACK), e.g. an unknown placer order number in ORC-2.
 *
 * @since 1.1
 */
public class Hl7InboundRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final String segment;
    private final int field;

    /**
     * @param segment the segment id (e.g. {@code ORC}), or null when the message as a whole is refused
     * @param field   the field number (1-based), 0 when none
     */
    public Hl7InboundRefusal(String message, String segment, int field) {
        super(message);
        this.segment = segment;
        this.field = field;
    }

    public String segment() {
        return segment;
    }

    public int field() {
        return field;
    }
}
