package org.pediconsult.growth.who;

/**
 * The three LMS parameters (Box-Cox power L, median M, coefficient of variation S) of a WHO reference at
 * one age or length, with the WHO formulae that turn a measurement into a z-score and back.
 */
final class Lms {

    /** Below this |L| the Box-Cox limit ln(X/M)/S is used, avoiding 0/0 for interpolated L near zero. */
    private static final double L_ZERO = 1e-9;

    final double l;
    final double m;
    final double s;

    Lms(double l, double m, double s) {
        if (!(m > 0) || !(s > 0) || !Double.isFinite(l)) {
            throw new IllegalArgumentException("invalid LMS: L=" + l + " M=" + m + " S=" + s);
        }
        this.l = l;
        this.m = m;
        this.s = s;
    }

    /** Linear interpolation of each parameter: {@code a + f * (b - a)}, f in [0, 1]. */
    static Lms interpolate(Lms a, Lms b, double f) {
        if (f == 0.0) {
            return a;
        }
        return new Lms(a.l + f * (b.l - a.l), a.m + f * (b.m - a.m), a.s + f * (b.s - a.s));
    }

    /** The LMS z-score: ((X/M)^L - 1) / (L*S), or ln(X/M)/S when L = 0. */
    double z(double x) {
        if (Math.abs(l) < L_ZERO) {
            return Math.log(x / m) / s;
        }
        return (Math.pow(x / m, l) - 1.0) / (l * s);
    }

    /** The measurement at a given z (the z-score line): M * (1 + L*S*z)^(1/L), or M * exp(S*z) when L = 0. */
    double valueAt(double z) {
        if (Math.abs(l) < L_ZERO) {
            return m * Math.exp(s * z);
        }
        return m * Math.pow(1.0 + l * s * z, 1.0 / l);
    }

    @Override
    public String toString() {
        return "Lms[L=" + l + " M=" + m + " S=" + s + "]";
    }
}
