package org.pediconsult.hl7.internal.common;

import ca.uhn.hl7v2.AcknowledgmentCode;

/** Original mode answers AA/AE/AR; enhanced mode CA/CE/CR (commit accept/error/reject). */
public enum AckMode {
    ORIGINAL(AcknowledgmentCode.AA, AcknowledgmentCode.AE, AcknowledgmentCode.AR),
    ENHANCED(AcknowledgmentCode.CA, AcknowledgmentCode.CE, AcknowledgmentCode.CR);

    public final AcknowledgmentCode accept;
    public final AcknowledgmentCode error;
    public final AcknowledgmentCode reject;

    AckMode(AcknowledgmentCode accept, AcknowledgmentCode error, AcknowledgmentCode reject) {
        this.accept = accept;
        this.error = error;
        this.reject = reject;
    }
}
