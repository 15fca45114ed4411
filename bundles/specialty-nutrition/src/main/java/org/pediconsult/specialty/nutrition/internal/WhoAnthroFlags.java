package org.pediconsult.specialty.nutrition.internal;

import org.pediconsult.growth.who.Indicator;

/**
 * The z-score limits beyond which WHO Anthro flags a measurement as biologically implausible
 * (WHO Anthro for personal computers, manual 2011; WHO AnthroPlus manual 2009): length/height-for-age
 * below -6 or above +6, weight-for-age below -6 or above +5, weight-for-length/height, BMI-for-age
 * and arm circumference-for-age below -5 or above +5. A value out there is almost always a typo or
 * the wrong unit.
 */
public final class WhoAnthroFlags {
    /** The upper flag of arm circumference-for-age. */
    public static final double UPPER_ARM_CIRCUMFERENCE = 5;

    private WhoAnthroFlags() {
    }

    public static boolean implausible(Indicator indicator, Double z) {
        if (z == null) {
            return false;
        }
        switch (indicator) {
            case LENGTH_HEIGHT_FOR_AGE:
                return z < -6 || z > 6;
            case WEIGHT_FOR_AGE:
                return z < -6 || z > 5;
            default:
                return z < -5 || z > 5;
        }
    }
}
