package org.pediconsult.specialty.growth;

import org.pediconsult.growth.who.GrowthStandards;
import org.pediconsult.growth.who.Indicator;
import org.pediconsult.growth.who.Position;
import org.pediconsult.growth.who.Sex;

/**
 * Finds the measurement that has a given WHO z-score, by bisection on the real library (z grows
 * with the value), so that edge tests can build children exactly at -3.01 or -2.99.
 */
public final class WhoInverse {
    private static final GrowthStandards WHO = GrowthStandards.who();

    private WhoInverse() {
    }

    /** The value (kg or cm) whose z-score is {@code z} at this age; for WFLH, the weight at {@code lengthHeightCm}. */
    public static double valueAt(Indicator indicator, Sex sex, long ageDays, double z, Position position,
                                 Double lengthHeightCm) {
        double lo = 0.01;
        double hi = 400;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double zMid = WHO.zScore(indicator, sex, ageDays, mid, position, lengthHeightCm).orElseThrow().z;
            if (zMid < z) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double found = (lo + hi) / 2;
        double check = WHO.zScore(indicator, sex, ageDays, found, position, lengthHeightCm).orElseThrow().z;
        if (Math.abs(check - z) > 1e-6) {
            throw new IllegalStateException("no value with z " + z + " (got " + check + ")");
        }
        return found;
    }
}
