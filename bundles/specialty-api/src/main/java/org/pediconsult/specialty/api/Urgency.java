package org.pediconsult.specialty.api;

/**
 * How soon the child must be seen where triage sends them. Shown to the guardian and the physician
 * and carried in the referral.
 *
 * @since 1.4
 */
public enum Urgency {
    /** Now: go to the destination at once (an emergency). */
    IMMEDIATE(0),
    /** Within 24 hours. */
    WITHIN_24_HOURS(24),
    /** Within 72 hours. */
    WITHIN_72_HOURS(72),
    /** Within 7 days. */
    WITHIN_7_DAYS(7 * 24),
    /** At the next routine appointment. */
    ROUTINE(Integer.MAX_VALUE);

    private final int withinHours;

    Urgency(int withinHours) {
        this.withinHours = withinHours;
    }

    /** The window in hours ({@link Integer#MAX_VALUE} for ROUTINE). */
    public int withinHours() {
        return withinHours;
    }

    /** The more urgent of two (a null counts as no urgency stated). */
    public Urgency max(Urgency other) {
        return other != null && other.ordinal() < ordinal() ? other : this;
    }
}
