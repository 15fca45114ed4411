package org.pediconsult.platform.api.audit;

/**
 * Result of walking the audit chain.
 *
 * @since 1.0
 */
public final class AuditVerification {
    private final long recordsChecked;
    private final Long firstBrokenSeq;
    private final String reason;

    public AuditVerification(long recordsChecked, Long firstBrokenSeq, String reason) {
        this.recordsChecked = recordsChecked;
        this.firstBrokenSeq = firstBrokenSeq;
        this.reason = reason;
    }

    public boolean intact() {
        return firstBrokenSeq == null;
    }

    public long recordsChecked() {
        return recordsChecked;
    }

    /** Sequence number of the first record whose link does not verify; null when intact. */
    public Long firstBrokenSeq() {
        return firstBrokenSeq;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return intact() ? "audit chain intact: " + recordsChecked + " records verified"
                : "audit chain BROKEN at record " + firstBrokenSeq + ": " + reason + " (" + recordsChecked
                        + " records checked before it)";
    }
}
