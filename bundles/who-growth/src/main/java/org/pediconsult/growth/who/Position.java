package org.pediconsult.growth.who;

/**
 * How a length/height was measured. WHO's standards are based on recumbent length below 2 years
 * (731 days) and standing height from 2 years; a measurement taken the other way is shifted by 0.7 cm
 * (see {@link GrowthStandards#correctedLengthHeight(double, double, Position)}), so the position matters.
 *
 * @since 1.0
 */
public enum Position {
    /** Recumbent length (child lying down, measuring board). */
    LYING,
    /** Standing height (stadiometer). */
    STANDING,
    /** Not recorded: no 0.7 cm correction is applied; the measure is assumed to match the age. */
    UNKNOWN;

    /**
     * The position named by an answer ("LYING" or "STANDING"); anything else is UNKNOWN, which lets
     * the library assume the position standard for the age.
     *
     * @since 1.1
     */
    public static Position of(Object answer) {
        if ("LYING".equals(answer)) {
            return LYING;
        }
        return "STANDING".equals(answer) ? STANDING : UNKNOWN;
    }
}
