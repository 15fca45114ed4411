package org.pediconsult.consultation.internal.rules;

/**
 * What the physician must give to end a session and refer the child to in-person care in one action:
 * why, and where to.
 *
 * <p>Why validated here: a referral without a reason or a facility leaves the family with nowhere to
 * go, so both are required and bounded (reason at most {@value #MAX_REASON} characters, facility at
 * most {@value #MAX_FACILITY}) to fit storage and the printed referral. Values are stripped of
 * surrounding whitespace; lengths count Unicode characters (code points), so Chinese text counts one
 * per character. Error messages start with the field name so a form can highlight it.
 */
public final class ReferralRequest {

    /** Maximum length of the reason, in characters. */
    public static final int MAX_REASON = 1000;
    /** Maximum length of the facility, in characters. */
    public static final int MAX_FACILITY = 200;

    private final String reason;
    private final String facility;

    /**
     * @throws IllegalArgumentException as {@link #of(String, String)}
     */
    public ReferralRequest(String reason, String facility) {
        this.reason = require(reason, "reason", MAX_REASON);
        this.facility = require(facility, "facility", MAX_FACILITY);
    }

    /**
     * @throws IllegalArgumentException with message prefix {@code "reason: "} or {@code "facility: "}
     *         when that field is blank or too long
     */
    public static ReferralRequest of(String reason, String facility) {
        return new ReferralRequest(reason, facility);
    }

    private static String require(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        String stripped = value.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > max) {
            throw new IllegalArgumentException(field + ": must be at most " + max + " characters, was " + length);
        }
        return stripped;
    }

    public String reason() {
        return reason;
    }

    public String facility() {
        return facility;
    }

    /** Omits the reason: it is clinical free text and must not leak into logs. */
    @Override
    public String toString() {
        return "ReferralRequest[facility=" + facility + "]";
    }
}
