package org.pediconsult.growth.who;

/**
 * The WHO anthropometric indicators this library scores. Each has its own LMS table(s), its own x axis
 * (age in days, or length/height in cm for {@link #WEIGHT_FOR_LENGTH_HEIGHT}) and its own tail rule
 * (WHO's restricted "SD23" tails for the weight-based indicators and arm circumference).
 *
 * @since 1.0
 */
public enum Indicator {
    /** Weight-for-age, measurement in kg. WHO 2006 below 60 months, WHO 2007 from 60 to 120 months. */
    WEIGHT_FOR_AGE(true),
    /** Length/height-for-age, measurement in cm. WHO 2006 below 60 months, WHO 2007 from 60 to 228 months. */
    LENGTH_HEIGHT_FOR_AGE(false),
    /** BMI-for-age, measurement in kg/m2. WHO 2006 below 60 months, WHO 2007 from 60 to 228 months. */
    BMI_FOR_AGE(true),
    /** Head circumference-for-age, measurement in cm. WHO 2006 only (0 to 1826 days). */
    HEAD_CIRCUMFERENCE_FOR_AGE(false),
    /** Mid-upper arm circumference (MUAC)-for-age, measurement in cm. WHO 2006 only (91 to 1826 days). */
    ARM_CIRCUMFERENCE_FOR_AGE(true),
    /**
     * Weight-for-length (45-110 cm, below 731 days) or weight-for-height (65-120 cm, from 731 days),
     * measurement in kg. WHO 2006 only.
     */
    WEIGHT_FOR_LENGTH_HEIGHT(true);

    private final boolean restrictedTails;

    Indicator(boolean restrictedTails) {
        this.restrictedTails = restrictedTails;
    }

    /**
     * Whether WHO restricts this indicator's tails beyond |z| &gt; 3 with the "SD23" distance. WHO does this
     * for the skewed weight-based and arm-circumference indicators, whose LMS curves would otherwise
     * compress extreme values; length/height and head circumference use the plain LMS z-score.
     *
     * @return true for weight-for-age, BMI-for-age, weight-for-length/height and arm circumference
     */
    boolean restrictedTails() {
        return restrictedTails;
    }
}
