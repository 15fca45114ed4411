package org.pediconsult.specialty.nutrition.internal;

/**
 * A child's WHO z-scores on the measurement day against one sex's standard; each is null when it
 * cannot be computed (value missing, or age or length outside the WHO table). Weight-for-length/height
 * is only given under 60 months, where WHO 2006 defines it and where the SAM criteria use it.
 */
public record Anthropometry(int ageMonths, Double weightForLengthHeightZ, Double bmiForAgeZ, Double weightForAgeZ,
                            Double lengthHeightForAgeZ, Double armCircumferenceForAgeZ) {
}
