package org.pediconsult.hl7.internal.inbound;

import java.io.IOException;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ACK;
import ca.uhn.hl7v2.parser.PipeParser;
import org.pediconsult.hl7.internal.common.AckMode;

/**
 * Acknowledgements built with HAPI. A refusal carries an ERR segment saying what is wrong and where
 * (segment and field when known). When the message is too broken to read even its MSH, the ACK is
 * built from scratch, with an empty MSA-2, rather than left unanswered.
 */
final class Acks {
    private final PipeParser parser;

    Acks(PipeParser parser) {
        this.parser = parser;
    }

    String accept(Message message, AckMode mode) throws HL7Exception, IOException {
        return message.generateACK(mode.accept, null).encode();
    }

    /** A negative ACK for a message that parsed; {@code reject} for what the receiver will not take (AR/CR). */
    String refuse(Message message, AckMode mode, boolean reject, HL7Exception why) throws HL7Exception, IOException {
        return message.generateACK(reject ? mode.reject : mode.error, why).encode();
    }

    /**
     * A negative ACK for a message that did not parse, built with this channel's parser (so MSH-10
     * comes from the channel's counter) and addressed back to the sender when its header could be read.
     */
    String refuseUnparsed(String raw, AckMode mode, HL7Exception why) {
        return unparsed(raw, mode.reject, why);
    }

    /**
     * An application error (AE/CE: "send it again") for a message whose handling failed on our side,
     * e.g. its commit; built like {@link #refuseUnparsed}.
     */
    String failed(String raw, AckMode mode, HL7Exception why) {
        return unparsed(raw, mode.error, why);
    }

    private String unparsed(String raw, AcknowledgmentCode code, HL7Exception why) {
        MessageHeader header = MessageHeader.read(raw);
        try {
            ACK ack = new ACK();
            ack.setParser(parser);
            ack.initQuickstart("ACK", null, "P");
            ack.getMSH().getSendingApplication().getNamespaceID().setValue("PEDICONSULT");
            ack.getMSH().getSendingFacility().getNamespaceID().setValue("PEDICONSULT");
            if (header != null) {
                ack.getMSH().getReceivingApplication().getNamespaceID().setValue(header.sendingApplication());
                ack.getMSH().getReceivingFacility().getNamespaceID().setValue(header.sendingFacility());
                ack.getMSA().getMessageControlID().setValue(header.controlId());
            }
            why.populateResponse(ack, code, 0);
            return ack.encode();
        } catch (HL7Exception | IOException | RuntimeException e) {
            // last resort: a fixed, valid ACK — never leave the sender without an answer
            return "MSH|^~\\&|PEDICONSULT|PEDICONSULT|||||ACK|0|P|2.5.1\rMSA|" + code.name() + "|\rERR||||E|||"
                    + "message could not be read\r";
        }
    }

    static HL7Exception error(String text, ErrorCode code, String segment, int field) {
        HL7Exception e = new HL7Exception(text, code);
        if (segment != null) {
            e.setSegmentName(segment);
            e.setSegmentRepetition(1);
        }
        if (field > 0) {
            e.setFieldPosition(field);
        }
        return e;
    }
}
