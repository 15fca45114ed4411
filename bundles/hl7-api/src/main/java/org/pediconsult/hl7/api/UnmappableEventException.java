package org.pediconsult.hl7.api;

/**
 * The event cannot be turned into a message and trying again will not help (e.g. the consultation
 * it names does not exist). The bridge stores the event as a parked outbound entry with this
 * message for an integration engineer to review; it is not retried.
 *
 * @since 1.0
 */
public class UnmappableEventException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnmappableEventException(String message) {
        super(message);
    }
}
