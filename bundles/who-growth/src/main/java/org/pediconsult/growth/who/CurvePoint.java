package org.pediconsult.growth.who;

import java.util.Arrays;
import java.util.Locale;

/**
 * One x position of a WHO reference chart: the measurement values of the seven standard z-score lines
 * (-3, -2, -1, 0, +1, +2, +3) at that x. Used to draw growth charts behind a child's measurements.
 * Immutable by contract: the array is copied on construction and must not be modified by readers.
 *
 * @since 1.0
 */
public final class CurvePoint {

    /** Number of z lines per point: z = -3 .. +3. */
    static final int LINES = 7;

    /** Age in days for age-based indicators; length/height in cm for {@link Indicator#WEIGHT_FOR_LENGTH_HEIGHT}. */
    public final double x;
    /** The 7 measurement values at z = -3, -2, -1, 0, +1, +2, +3 (a private copy; do not modify). */
    public final double[] values;

    /**
     * Creates a curve point.
     *
     * @param x the x position (days or cm)
     * @param values exactly 7 values for z = -3..+3; copied
     * @throws IllegalArgumentException if values does not have 7 elements
     * @since 1.0
     */
    public CurvePoint(double x, double[] values) {
        if (values == null || values.length != LINES) {
            throw new IllegalArgumentException("a curve point needs " + LINES + " values (z = -3..+3)");
        }
        this.x = x;
        this.values = values.clone();
    }

    /**
     * A readable form for logs and debugging.
     *
     * @return x and the seven values
     * @since 1.0
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CurvePoint[x=%s values=%s]", x, Arrays.toString(values));
    }
}
