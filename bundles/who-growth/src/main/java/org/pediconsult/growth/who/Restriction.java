package org.pediconsult.growth.who;

/**
 * WHO's restricted application of the LMS method ("SD23" adjustment) beyond |z| &gt; 3. For skewed
 * measures (weight, BMI, arm circumference) the LMS z-score compresses extreme values, so WHO measures
 * the distance beyond +/-3 SD in units of the gap between the 2 SD and 3 SD lines instead.
 * Source: WHO Child Growth Standards, Methods and development (2006), chapter 7; WHO anthro
 * {@code compute_zscore_adjusted}.
 */
final class Restriction {

    private Restriction() {
    }

    /**
     * The restricted z-score of x: the plain LMS z within [-3, 3]; above 3,
     * {@code 3 + (X - SD3pos) / (SD3pos - SD2pos)}; below -3, {@code -3 + (X - SD3neg) / (SD2neg - SD3neg)}.
     */
    static double z(Lms lms, double x) {
        double z = lms.z(x);
        if (z > 3.0) {
            double sd3pos = lms.valueAt(3.0);
            double sd23pos = sd3pos - lms.valueAt(2.0);
            return 3.0 + (x - sd3pos) / sd23pos;
        }
        if (z < -3.0) {
            double sd3neg = lms.valueAt(-3.0);
            double sd23neg = lms.valueAt(-2.0) - sd3neg;
            return -3.0 + (x - sd3neg) / sd23neg;
        }
        return z;
    }
}
