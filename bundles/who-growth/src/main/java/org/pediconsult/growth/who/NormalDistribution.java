package org.pediconsult.growth.who;

/**
 * The standard normal cumulative distribution, used to turn a z-score into a percentile. Implements
 * Hart's double-precision algorithm 5666 (J. F. Hart et al., Computer Approximations, 1968) in the form
 * given by G. West, "Better approximations to cumulative normal functions" (Wilmott, 2005): absolute error
 * below 1e-14 over the whole real line, far beyond the 0.01 percentile accuracy a chart needs (the
 * Abramowitz-Stegun 7.1.26 formula, error ~1e-7 but relative error poor in the tails, is not used).
 */
final class NormalDistribution {

    private static final double SQRT_2PI = 2.5066282746310002;
    /** Beyond this |z| the lower tail is below the smallest double and is returned as 0. */
    private static final double UNDERFLOW = 37.0;
    /** Switch from the rational approximation to the continued fraction (10 / sqrt(2)). */
    private static final double SPLIT = 7.07106781186547;

    private NormalDistribution() {
    }

    /** P(Z &lt;= z) for a standard normal Z; NaN for NaN. */
    static double cdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double a = Math.abs(z);
        double tail;
        if (a > UNDERFLOW) {
            tail = 0.0;
        } else {
            double e = Math.exp(-a * a / 2.0);
            if (a < SPLIT) {
                double num = 3.52624965998911e-02 * a + 0.700383064443688;
                num = num * a + 6.37396220353165;
                num = num * a + 33.912866078383;
                num = num * a + 112.079291497871;
                num = num * a + 221.213596169931;
                num = num * a + 220.206867912376;
                double den = 8.83883476483184e-02 * a + 1.75566716318264;
                den = den * a + 16.064177579207;
                den = den * a + 86.7807322029461;
                den = den * a + 296.564248779674;
                den = den * a + 637.333633378831;
                den = den * a + 793.826512519948;
                den = den * a + 440.413735824752;
                tail = e * num / den;
            } else {
                double cf = a + 0.65;
                cf = a + 4.0 / cf;
                cf = a + 3.0 / cf;
                cf = a + 2.0 / cf;
                cf = a + 1.0 / cf;
                tail = e / cf / SQRT_2PI;
            }
        }
        return z > 0 ? 1.0 - tail : tail;
    }

    /** The percentile (0..100) of a z-score. */
    static double percentile(double z) {
        return 100.0 * cdf(z);
    }
}
