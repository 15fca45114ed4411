package org.pediconsult.hl7.api;

import java.util.Objects;

import ca.uhn.hl7v2.model.Message;

/**
 * One HL7 message a mapper wants sent, with the key that orders delivery: messages of the same
 * patient reach each destination in the order their events occurred.
 *
 * @since 1.0
 */
public final class OutboundMessage {
    private final String patientKey;
    private final Message message;

    private OutboundMessage(String patientKey, Message message) {
        if (patientKey == null || patientKey.isBlank()) {
            throw new IllegalArgumentException("patientKey is required");
        }
        this.patientKey = patientKey;
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * @param patientKey the patient the message is about (PediConsult child id); delivery is ordered per key
     * @param message    a HAPI message with its body filled and MSH-9 set; the bridge fills the rest of MSH
     */
    public static OutboundMessage of(String patientKey, Message message) {
        return new OutboundMessage(patientKey, message);
    }

    public String patientKey() {
        return patientKey;
    }

    public Message message() {
        return message;
    }
}
