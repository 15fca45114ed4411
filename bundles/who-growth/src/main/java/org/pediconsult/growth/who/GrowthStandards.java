package org.pediconsult.growth.who;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * WHO child growth z-scores and reference curves: the WHO Child Growth Standards 2006 (birth to 5 years)
 * continued by the WHO Growth Reference 2007 (5 to 19 years), computed as WHO anthro / anthroplus /
 * igrowup compute them (LMS method, restricted tails, 0.7 cm length/height correction, linear
 * interpolation of L, M and S). One immutable, thread-safe instance holds all tables:
 * {@link #who()}.
 *
 * @since 1.0
 */
public final class GrowthStandards {

    /** Reference name of the WHO Child Growth Standards (2006). */
    static final String WHO_2006 = "WHO 2006";
    /** Reference name of the WHO Growth Reference for 5-19 years (2007). */
    static final String WHO_2007 = "WHO 2007";
    /** Recumbent length is the reference measure below this age (days); standing height from it. */
    static final double LENGTH_UNTIL_DAYS = 731.0;
    /** The systematic difference between recumbent length and standing height (cm), per WHO. */
    static final double LYING_STANDING_DIFFERENCE_CM = 0.7;

    private final Map<Indicator, AgeReference> byAge;
    private final LengthHeightReference lengthHeight;

    GrowthStandards(Map<Indicator, AgeReference> byAge, LengthHeightReference lengthHeight) {
        this.byAge = new EnumMap<>(byAge);
        this.lengthHeight = Objects.requireNonNull(lengthHeight, "lengthHeight");
        for (Indicator i : Indicator.values()) {
            if (i != Indicator.WEIGHT_FOR_LENGTH_HEIGHT && !this.byAge.containsKey(i)) {
                throw new IllegalArgumentException("no reference for " + i);
            }
        }
    }

    /** Lazy, thread-safe holder: the JVM initialises it once, on first use of {@link #who()}. */
    private static final class Holder {
        static final GrowthStandards INSTANCE = WhoTables.load();
    }

    /**
     * The WHO 2006/2007 growth standards, loaded from the bundle's tables on first call and shared
     * afterwards. Loading once avoids re-parsing ~20,000 LMS rows per consultation.
     *
     * @return the shared, immutable instance
     * @throws IllegalStateException if a table is missing or malformed (a packaging error)
     * @since 1.0
     */
    public static GrowthStandards who() {
        return Holder.INSTANCE;
    }

    /**
     * Computes a child's WHO z-score and percentile for one indicator, so that clinicians see the same
     * number WHO's software would report.
     *
     * @param indicator the indicator, not null
     * @param sex the child's sex, not null
     * @param ageDays exact age in days (fractional allowed; L, M, S are interpolated between table rows).
     *        For {@link Indicator#WEIGHT_FOR_LENGTH_HEIGHT} NaN means "age unknown" (the table is then chosen
     *        from the position, or by WHO's 87 cm rule)
     * @param value the measurement in the indicator's unit: kg, cm, or kg/m2 for BMI_FOR_AGE (see
     *        {@link #bmi(double, double, double, Position)}); the weight in kg for WEIGHT_FOR_LENGTH_HEIGHT
     * @param position how length/height was measured; used for LENGTH_HEIGHT_FOR_AGE and
     *        WEIGHT_FOR_LENGTH_HEIGHT (0.7 cm rule), ignored otherwise; null is treated as UNKNOWN
     * @param lengthHeightCm the measured length/height in cm, required for WEIGHT_FOR_LENGTH_HEIGHT,
     *        ignored otherwise
     * @return the z-score, or empty when the age (or length/height) is outside the indicator's reference
     *         range, or the value is &lt;= 0, NaN or infinite
     * @throws NullPointerException if indicator or sex is null, or lengthHeightCm is null for
     *         WEIGHT_FOR_LENGTH_HEIGHT
     * @since 1.0
     */
    public Optional<ZScore> zScore(Indicator indicator, Sex sex, double ageDays, double value,
                                   Position position, Double lengthHeightCm) {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(sex, "sex");
        Position pos = position == null ? Position.UNKNOWN : position;
        if (!(value > 0) || Double.isInfinite(value)) {
            return Optional.empty();
        }
        if (indicator == Indicator.WEIGHT_FOR_LENGTH_HEIGHT) {
            Objects.requireNonNull(lengthHeightCm, "lengthHeightCm is required for WEIGHT_FOR_LENGTH_HEIGHT");
            Lms lms = lengthHeight.lmsForChild(sex, ageDays, pos, lengthHeightCm);
            return lms == null ? Optional.empty() : Optional.of(score(indicator, lms, value, WHO_2006));
        }
        AgeReference reference = byAge.get(indicator);
        if (!reference.covers(ageDays)) {
            return Optional.empty();
        }
        double x = indicator == Indicator.LENGTH_HEIGHT_FOR_AGE ? correctedLengthHeight(value, ageDays, pos) : value;
        AgeReference.Segment segment = reference.segmentAt(ageDays);
        return Optional.of(score(indicator, segment.lms(sex, ageDays), x, segment.reference()));
    }

    private static ZScore score(Indicator indicator, Lms lms, double x, String reference) {
        double z = indicator.restrictedTails() ? Restriction.z(lms, x) : lms.z(x);
        return new ZScore(indicator, z, NormalDistribution.percentile(z), reference);
    }

    /**
     * BMI as WHO computes it for BMI-for-age: weight / (length/height in m)^2, with the length/height first
     * corrected by 0.7 cm to the position the standard expects at this age (WHO igrowup and anthro do this,
     * so a BMI from a lying 3-year-old is comparable with the height-based standard).
     *
     * @param weightKg weight in kg
     * @param lengthHeightCm measured length/height in cm
     * @param ageDays age in days (NaN: no correction)
     * @param position how the length/height was measured (null: UNKNOWN)
     * @return BMI in kg/m2
     * @since 1.0
     */
    public static double bmi(double weightKg, double lengthHeightCm, double ageDays, Position position) {
        double m = correctedLengthHeight(lengthHeightCm, ageDays, position) / 100.0;
        return weightKg / (m * m);
    }

    /**
     * Length/height converted to the measure WHO's standard uses at this age: recumbent length below
     * 731 days, standing height from 731 days. Lying at &gt;= 731 days: -0.7 cm; standing at &lt; 731 days:
     * +0.7 cm; UNKNOWN (or null) position, or NaN age: unchanged.
     *
     * @param cm the measured length/height in cm
     * @param ageDays age in days
     * @param position how it was measured
     * @return the corrected length/height in cm
     * @since 1.0
     */
    public static double correctedLengthHeight(double cm, double ageDays, Position position) {
        if (position == Position.LYING && ageDays >= LENGTH_UNTIL_DAYS) {
            return cm - LYING_STANDING_DIFFERENCE_CM;
        }
        if (position == Position.STANDING && ageDays < LENGTH_UNTIL_DAYS) {
            return cm + LYING_STANDING_DIFFERENCE_CM;
        }
        return cm;
    }

    /**
     * Reference curves for drawing a growth chart: {@code points} evenly spaced x values over [from, to]
     * clamped to {@link #range(Indicator, Sex)}, each with the measurement at z = -3..+3. For
     * WEIGHT_FOR_LENGTH_HEIGHT, x is in cm and, with no age to choose by, the weight-for-length table is used
     * below 87 cm and weight-for-height from 87 cm (WHO anthro's rule).
     *
     * @param indicator the indicator, not null
     * @param sex the sex, not null
     * @param from first x (days, or cm)
     * @param to last x (days, or cm), &gt;= from
     * @param points number of points, &gt;= 1 (1 gives the clamped {@code from} only)
     * @return the points in increasing x; empty if [from, to] does not overlap the range
     * @throws IllegalArgumentException if points &lt; 1, from &gt; to, or from/to is NaN
     * @since 1.0
     */
    public List<CurvePoint> curve(Indicator indicator, Sex sex, double from, double to, int points) {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(sex, "sex");
        if (points < 1 || !(from <= to)) {
            throw new IllegalArgumentException("need points >= 1 and from <= to: " + points + ", " + from + ", " + to);
        }
        double[] range = range(indicator, sex);
        double lo = Math.max(from, range[0]);
        double hi = Math.min(to, range[1]);
        if (lo > hi) {
            return List.of();
        }
        List<CurvePoint> curve = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            double x = points == 1 ? lo : (i == points - 1 ? hi : lo + (hi - lo) * i / (points - 1));
            Lms lms = lmsForChart(indicator, sex, x);
            double[] values = new double[CurvePoint.LINES];
            for (int k = 0; k < CurvePoint.LINES; k++) {
                values[k] = lms.valueAt(k - 3);
            }
            curve.add(new CurvePoint(x, values));
        }
        return List.copyOf(curve);
    }

    private Lms lmsForChart(Indicator indicator, Sex sex, double x) {
        if (indicator == Indicator.WEIGHT_FOR_LENGTH_HEIGHT) {
            return lengthHeight.tableForChart(x).at(sex, x);
        }
        AgeReference reference = byAge.get(indicator);
        return reference.segmentAt(x).lms(sex, x);
    }

    /**
     * Where an indicator is defined, so callers can tell "no reference for this child" from "normal".
     * Age in days: weight-for-age 0..3652.5 (120 months), length/height- and BMI-for-age 0..6939.75
     * (228 months), head circumference 0..1826, arm circumference 91..1826; weight-for-length/height in
     * cm: 45..120 (length table 45-110, height table 65-120).
     *
     * @param indicator the indicator, not null
     * @param sex the sex, not null
     * @return a new array {min, max}, both inclusive
     * @since 1.0
     */
    public double[] range(Indicator indicator, Sex sex) {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(sex, "sex");
        if (indicator == Indicator.WEIGHT_FOR_LENGTH_HEIGHT) {
            return new double[] {lengthHeight.minCm(sex), lengthHeight.maxCm(sex)};
        }
        AgeReference reference = byAge.get(indicator);
        return new double[] {reference.minDays(), reference.maxDays()};
    }
}
