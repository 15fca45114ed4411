package org.pediconsult.consultation.api;

/**
 * No child has the HIS identifier a message refers to (PID-3). The identifier itself is not in the
 * message text: exception texts end up in logs and ACKs.
 *
 * @since 1.2
 */
public class UnknownHisPatientException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownHisPatientException() {
        super("PID-3: no patient with this identifier is registered; send the ADT A04/A28 first");
    }

    /** The HL7 field that identifies the patient. */
    public String field() {
        return "PID-3";
    }
}
