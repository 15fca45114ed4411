package org.pediconsult.hl7.internal.inbound;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;

/**
 * A refusal that retrying may cure: the consultation service is absent or failed unexpectedly, or the channel is
 * busy with other large messages. In PROCESSED mode it is answered AE "send again later" like any refusal; the
 * processor retries it.
 */
final class Unavailable extends HL7Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String text) {
        super(text, ErrorCode.APPLICATION_INTERNAL_ERROR);
    }
}
