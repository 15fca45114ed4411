package org.pediconsult.growth.who;

/**
 * Weight-for-length/height (WHO 2006): the weight-for-length table (by 0.1 cm, 45-110 cm) for recumbent
 * length and the weight-for-height table (65-120 cm) for standing height, interpolated linearly between
 * 0.1 cm rows as WHO anthro does.
 *
 * <p>Choice of table, following WHO anthro: with a known age, length below 731 days and height from
 * 731 days, after the 0.7 cm correction of the measure to that position. Without an age (NaN), the
 * measured position decides; if that is unknown too, length below 87 cm and height from 87 cm.
 * With a known age the child must be 0..1856 days old (the age range of WHO igrowup/anthro for this
 * indicator).
 */
final class LengthHeightReference {

    /** WHO anthro's split between length and height when neither age nor position is known. */
    static final double UNKNOWN_SPLIT_CM = 87.0;
    /** Oldest age (days, inclusive) WHO igrowup/anthro score weight-for-length/height for. */
    static final double MAX_AGE_DAYS = 1856.0;

    private final LmsTable length;
    private final LmsTable height;

    LengthHeightReference(LmsTable length, LmsTable height) {
        this.length = length;
        this.height = height;
    }

    /** Smallest length/height (cm) covered by either table. */
    double minCm(Sex sex) {
        return Math.min(length.min(sex), height.min(sex));
    }

    /** Largest length/height (cm) covered by either table. */
    double maxCm(Sex sex) {
        return Math.max(length.max(sex), height.max(sex));
    }

    /** The table a chart uses at a length/height when no age or position is known (WHO's 87 cm rule). */
    LmsTable tableForChart(double cm) {
        return cm < UNKNOWN_SPLIT_CM ? length : height;
    }

    /**
     * L, M, S for scoring a child, or null when the child is outside the indicator's range.
     *
     * @param ageDays age in days, or NaN if unknown
     * @param position how the measure was taken (not null)
     * @param measuredCm the length/height as measured
     */
    Lms lmsForChild(Sex sex, double ageDays, Position position, double measuredCm) {
        if (!(measuredCm > 0) || Double.isInfinite(measuredCm)) {
            return null;
        }
        LmsTable table;
        double cm = measuredCm;
        if (Double.isNaN(ageDays)) {
            boolean useLength = position == Position.LYING
                || (position == Position.UNKNOWN && measuredCm < UNKNOWN_SPLIT_CM);
            table = useLength ? length : height;
        } else {
            if (!(ageDays >= 0 && ageDays <= MAX_AGE_DAYS)) {
                return null;
            }
            cm = GrowthStandards.correctedLengthHeight(measuredCm, ageDays, position);
            table = ageDays < GrowthStandards.LENGTH_UNTIL_DAYS ? length : height;
        }
        if (!(cm >= table.min(sex) && cm <= table.max(sex))) {
            return null;
        }
        return table.at(sex, cm);
    }
}
