package org.pediconsult.specialty.growth.internal;

import org.pediconsult.growth.who.Indicator;

/**
 * The z-score limits beyond which WHO Anthro flags a measurement as biologically implausible
 * (WHO Anthro for personal computers, manual 2011, and WHO child growth standards 2006 "flags"):
 * length/height-for-age below -6 or above +6, weight-for-age below -6 or above +5,
 * weight-for-length/height, BMI-for-age, head and arm circumference-for-age below -5 or above +5.
 * Real children beyond these limits are so rare that a value out there is almost always a typo or
 * the wrong unit (inches for cm, pounds for kg).
 */
public final class WhoAnthroFlags {
    private WhoAnthroFlags() {
    }

    public static boolean implausible(Indicator indicator, double z) {
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
