package org.pediconsult.growth.who;

import java.util.Locale;
import java.util.Objects;

/**
 * One computed z-score: the child's distance from the WHO median in standard deviations, with its
 * percentile and the WHO reference it was computed against. Immutable, so it can be cached, logged and
 * shared between threads freely. The z-score is kept unrounded; round only for display (WHO software
 * reports 2 decimals).
 *
 * @since 1.0
 */
public final class ZScore {

    /** The indicator this z-score is for. */
    public final Indicator indicator;
    /** The z-score, unrounded (WHO restricted tails already applied where WHO applies them). */
    public final double z;
    /** The percentile, 0..100, from the standard normal CDF of {@link #z}. */
    public final double percentile;
    /** The reference used: {@code "WHO 2006"} (Child Growth Standards) or {@code "WHO 2007"} (Growth Reference). */
    public final String reference;

    /**
     * Creates a z-score value.
     *
     * @param indicator the indicator, not null
     * @param z the z-score, finite
     * @param percentile the percentile in [0, 100]
     * @param reference the reference name, not null
     * @throws IllegalArgumentException if z is not finite or the percentile is outside [0, 100]
     * @since 1.0
     */
    public ZScore(Indicator indicator, double z, double percentile, String reference) {
        this.indicator = Objects.requireNonNull(indicator, "indicator");
        this.reference = Objects.requireNonNull(reference, "reference");
        if (!Double.isFinite(z)) {
            throw new IllegalArgumentException("z must be finite: " + z);
        }
        if (!(percentile >= 0.0 && percentile <= 100.0)) {
            throw new IllegalArgumentException("percentile must be in [0, 100]: " + percentile);
        }
        this.z = z;
        this.percentile = percentile;
    }

    /**
     * A readable form for logs and debugging, e.g. {@code ZScore[WEIGHT_FOR_AGE z=0.24 P59.49 WHO 2006]}.
     *
     * @return z rounded to 2 decimals and percentile to 2 decimals, with indicator and reference
     * @since 1.0
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ZScore[%s z=%.2f P%.2f %s]", indicator, z, percentile, reference);
    }
}
