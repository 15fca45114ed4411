package org.pediconsult.growth.who;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of the public API: ranges, the 0.7 cm rule at 730/731 days, restricted tails, the 2006/2007
 * junction, interpolation, percentiles and curves. LMS values below are copied from the WHO tables
 * (row cited in each test) so the expectations are computed independently of the table parser.
 */
class GrowthStandardsEdgeTest {

    private static final double EXACT = 1e-9;
    private final GrowthStandards who = GrowthStandards.who();

    private Optional<ZScore> z(Indicator i, Sex sex, double days, double value) {
        return who.zScore(i, sex, days, value, Position.UNKNOWN, null);
    }

    private static double lmsZ(double l, double m, double s, double x) {
        return (Math.pow(x / m, l) - 1) / (l * s);
    }

    private static double sd(double l, double m, double s, double z) {
        return m * Math.pow(1 + l * s * z, 1 / l);
    }

    @Test
    void rangesAreTheTabulatedWhoRanges() {
        for (Sex sex : Sex.values()) {
            assertArrayEquals(new double[] {0, 120 * 30.4375}, who.range(Indicator.WEIGHT_FOR_AGE, sex));
            assertArrayEquals(new double[] {0, 228 * 30.4375}, who.range(Indicator.LENGTH_HEIGHT_FOR_AGE, sex));
            assertArrayEquals(new double[] {0, 228 * 30.4375}, who.range(Indicator.BMI_FOR_AGE, sex));
            assertArrayEquals(new double[] {0, 1826}, who.range(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, sex));
            assertArrayEquals(new double[] {91, 1826}, who.range(Indicator.ARM_CIRCUMFERENCE_FOR_AGE, sex));
            assertArrayEquals(new double[] {45, 120}, who.range(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, sex));
        }
    }

    @Test
    void zScoreIsPresentAtRangeEndsAndEmptyJustOutside() {
        Sex f = Sex.FEMALE;
        assertTrue(z(Indicator.WEIGHT_FOR_AGE, f, 0, 3.2).isPresent());
        assertTrue(z(Indicator.WEIGHT_FOR_AGE, f, -0.01, 3.2).isEmpty());
        assertEquals("WHO 2007", z(Indicator.WEIGHT_FOR_AGE, f, 3652.5, 31).orElseThrow().reference);
        assertTrue(z(Indicator.WEIGHT_FOR_AGE, f, 3652.6, 31).isEmpty());
        assertTrue(z(Indicator.LENGTH_HEIGHT_FOR_AGE, f, 6939.75, 163).isPresent());
        assertTrue(z(Indicator.LENGTH_HEIGHT_FOR_AGE, f, 6939.8, 163).isEmpty());
        assertTrue(z(Indicator.BMI_FOR_AGE, f, 6939.75, 21).isPresent());
        assertTrue(z(Indicator.BMI_FOR_AGE, f, 6940, 21).isEmpty());
        assertTrue(z(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, f, 1826, 50).isPresent());
        assertTrue(z(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, f, 1826.5, 50).isEmpty());
        assertTrue(z(Indicator.ARM_CIRCUMFERENCE_FOR_AGE, f, 91, 13).isPresent());
        assertTrue(z(Indicator.ARM_CIRCUMFERENCE_FOR_AGE, f, 90.9, 13).isEmpty());
        assertTrue(z(Indicator.WEIGHT_FOR_AGE, f, Double.NaN, 10).isEmpty());
    }

    @Test
    void weightForLengthHeightRangeDependsOnTheTableChosenByAge() {
        Indicator wflh = Indicator.WEIGHT_FOR_LENGTH_HEIGHT;
        Sex m = Sex.MALE;
        assertTrue(who.zScore(wflh, m, 300, 2.5, Position.LYING, 45.0).isPresent());
        assertTrue(who.zScore(wflh, m, 300, 2.5, Position.LYING, 44.9).isEmpty());
        assertTrue(who.zScore(wflh, m, 300, 18, Position.LYING, 110.0).isPresent());
        assertTrue(who.zScore(wflh, m, 300, 18, Position.LYING, 110.1).isEmpty());
        assertTrue(who.zScore(wflh, m, 1000, 7, Position.STANDING, 65.0).isPresent());
        assertTrue(who.zScore(wflh, m, 1000, 7, Position.STANDING, 64.9).isEmpty());
        assertTrue(who.zScore(wflh, m, 1000, 22, Position.STANDING, 120.0).isPresent());
        assertTrue(who.zScore(wflh, m, 1000, 22, Position.STANDING, 120.1).isEmpty());
        assertTrue(who.zScore(wflh, m, 1856, 15, Position.STANDING, 100.0).isPresent());
        assertTrue(who.zScore(wflh, m, 1857, 15, Position.STANDING, 100.0).isEmpty());
        assertThrows(NullPointerException.class, () -> who.zScore(wflh, m, 300, 8, Position.LYING, null));
    }

    @Test
    void nonPositiveOrNonFiniteValuesGiveNoZScore() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertTrue(z(Indicator.WEIGHT_FOR_AGE, Sex.MALE, 365, bad).isEmpty(), "value " + bad);
            assertTrue(who.zScore(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, Sex.MALE, 365, bad, Position.LYING, 75.0)
                .isEmpty(), "weight " + bad);
        }
        assertTrue(who.zScore(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, Sex.MALE, 365, 9, Position.LYING, 0.0).isEmpty());
    }

    @Test
    void lengthHeightCorrectionAppliesBothWaysAt730And731Days() {
        assertEquals(80.7, GrowthStandards.correctedLengthHeight(80, 730, Position.STANDING), EXACT);
        assertEquals(80.0, GrowthStandards.correctedLengthHeight(80, 731, Position.STANDING), EXACT);
        assertEquals(80.0, GrowthStandards.correctedLengthHeight(80, 730, Position.LYING), EXACT);
        assertEquals(79.3, GrowthStandards.correctedLengthHeight(80, 731, Position.LYING), EXACT);
        assertEquals(80.0, GrowthStandards.correctedLengthHeight(80, 730, Position.UNKNOWN), EXACT);
        assertEquals(80.0, GrowthStandards.correctedLengthHeight(80, 731, Position.UNKNOWN), EXACT);

        // lenanthro boys day 730: L=1 M=87.8018 S=0.03479 (L); day 731: L=1 M=87.1303 S=0.03508 (H)
        Indicator lhfa = Indicator.LENGTH_HEIGHT_FOR_AGE;
        assertEquals((80.7 / 87.8018 - 1) / 0.03479,
            who.zScore(lhfa, Sex.MALE, 730, 80, Position.STANDING, null).orElseThrow().z, EXACT);
        assertEquals((79.3 / 87.1303 - 1) / 0.03508,
            who.zScore(lhfa, Sex.MALE, 731, 80, Position.LYING, null).orElseThrow().z, EXACT);
        assertEquals((80 / 87.1303 - 1) / 0.03508,
            who.zScore(lhfa, Sex.MALE, 731, 80, Position.STANDING, null).orElseThrow().z, EXACT);

        assertEquals(10 / (0.793 * 0.793), GrowthStandards.bmi(10, 80, 731, Position.LYING), EXACT);
        assertEquals(10 / (0.807 * 0.807), GrowthStandards.bmi(10, 80, 730, Position.STANDING), EXACT);
        assertEquals(10 / (0.8 * 0.8), GrowthStandards.bmi(10, 80, 731, Position.UNKNOWN), EXACT);
    }

    @Test
    void weightTailsBeyondThreeAreRestrictedWithTheSd23Formula() {
        // weianthro boys day 365: L=0.0645 M=9.646 S=0.10925
        double l = 0.0645, m = 9.646, s = 0.10925;
        double heavy = 15.0;
        double sd3pos = sd(l, m, s, 3);
        double expectedHigh = 3 + (heavy - sd3pos) / (sd3pos - sd(l, m, s, 2));
        double high = z(Indicator.WEIGHT_FOR_AGE, Sex.MALE, 365, heavy).orElseThrow().z;
        assertTrue(lmsZ(l, m, s, heavy) > 3, "test weight must be beyond +3 SD");
        assertEquals(expectedHigh, high, EXACT);
        assertTrue(Math.abs(high - lmsZ(l, m, s, heavy)) > 0.05, "restricted z differs from the plain LMS z");

        double light = 5.5;
        double sd3neg = sd(l, m, s, -3);
        double expectedLow = -3 + (light - sd3neg) / (sd(l, m, s, -2) - sd3neg);
        double low = z(Indicator.WEIGHT_FOR_AGE, Sex.MALE, 365, light).orElseThrow().z;
        assertTrue(lmsZ(l, m, s, light) < -3, "test weight must be beyond -3 SD");
        assertEquals(expectedLow, low, EXACT);
        assertTrue(Math.abs(low - lmsZ(l, m, s, light)) > 0.05, "restricted z differs from the plain LMS z");

        // wfawho2007 girls month 61: L=-0.4681 M=18.2579 S=0.14295 (WHO 2007 weight is restricted too)
        double l7 = -0.4681, m7 = 18.2579, s7 = 0.14295;
        double sd3 = sd(l7, m7, s7, 3);
        assertEquals(3 + (35 - sd3) / (sd3 - sd(l7, m7, s7, 2)),
            z(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, 61 * 30.4375, 35).orElseThrow().z, EXACT);
    }

    @Test
    void lengthForAgeTailsAreNotRestricted() {
        // lenanthro boys day 365: L=1 M=75.7391 S=0.03137
        double z = z(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.MALE, 365, 90).orElseThrow().z;
        assertEquals((90 / 75.7391 - 1) / 0.03137, z, EXACT);
        assertTrue(z > 5);
    }

    @Test
    void fractionalAgeInterpolatesLmsBetweenDays() {
        // weianthro girls day 100: 0.0264 6.0229 0.12545; day 101: 0.0249 6.0426 0.12537
        double l = (0.0264 + 0.0249) / 2, m = (6.0229 + 6.0426) / 2, s = (0.12545 + 0.12537) / 2;
        assertEquals(lmsZ(l, m, s, 6.5), z(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, 100.5, 6.5).orElseThrow().z, 1e-12);
        assertEquals(lmsZ(0.0264, 6.0229, 0.12545, 6.5),
            z(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, 100, 6.5).orElseThrow().z, 1e-12);
    }

    @Test
    void referenceSwitchesFromWho2006ToWho2007At60Months() {
        // weianthro girls day 1826: -0.3518 18.2179 0.14821; wfawho2007 girls month 60: -0.4650 18.0823 0.14240
        ZScore lastDay = z(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, 1826, 19).orElseThrow();
        assertEquals("WHO 2006", lastDay.reference);
        assertEquals(lmsZ(-0.3518, 18.2179, 0.14821, 19), lastDay.z, EXACT);
        ZScore quarterDayLater = z(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, 1826.2, 19).orElseThrow();
        assertEquals("WHO 2006", quarterDayLater.reference);
        assertEquals(lastDay.z, quarterDayLater.z, EXACT);
        ZScore sixtyMonths = z(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, 1826.25, 19).orElseThrow();
        assertEquals("WHO 2007", sixtyMonths.reference);
        assertEquals(lmsZ(-0.4650, 18.0823, 0.14240, 19), sixtyMonths.z, EXACT);
        assertEquals("WHO 2006", z(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, Sex.FEMALE, 1000, 48).orElseThrow().reference);
    }

    @Test
    void weightForLengthHeightChoosesLengthOrHeightTable() {
        // wflanthro boys 87.0: M=11.9916; wfhanthro boys 87.0: M=12.1645 (z = 0 at the median)
        Indicator wflh = Indicator.WEIGHT_FOR_LENGTH_HEIGHT;
        assertEquals(0, who.zScore(wflh, Sex.MALE, 700, 11.9916, Position.STANDING, 86.3).orElseThrow().z, 1e-12);
        assertEquals(0, who.zScore(wflh, Sex.MALE, 800, 12.1645, Position.LYING, 87.7).orElseThrow().z, 1e-12);
        assertEquals(0, who.zScore(wflh, Sex.MALE, Double.NaN, 11.9916, Position.LYING, 87.0).orElseThrow().z, 1e-12);
        assertEquals(0, who.zScore(wflh, Sex.MALE, Double.NaN, 12.1645, Position.UNKNOWN, 87.0).orElseThrow().z, 1e-12);
        // wflanthro boys 86.9: L=-0.3521 M=11.9668 S=0.08114, unknown age and position below 87 cm -> length
        assertEquals(lmsZ(-0.3521, 11.9668, 0.08114, 11),
            who.zScore(wflh, Sex.MALE, Double.NaN, 11, Position.UNKNOWN, 86.9).orElseThrow().z, EXACT);
    }

    @Test
    void percentileComesFromTheStandardNormalCdf() {
        ZScore median = z(Indicator.WEIGHT_FOR_AGE, Sex.MALE, 365, 9.646).orElseThrow();
        assertEquals(0, median.z, 1e-12);
        assertEquals(50, median.percentile, 1e-9);
        assertEquals(50, NormalDistribution.percentile(0), 1e-12);
        assertEquals(97.5, NormalDistribution.percentile(1.96), 0.01);
        // reference values: 0.5 * erfc(-z / sqrt(2)) in double precision
        assertEquals(0.9750021048517795, NormalDistribution.cdf(1.96), 1e-14);
        assertEquals(0.15865525393145707, NormalDistribution.cdf(-1), 1e-14);
        assertEquals(0.9986501019683699, NormalDistribution.cdf(3), 1e-14);
        assertEquals(2.866515718791946e-07, NormalDistribution.cdf(-5), 1e-16);
        assertEquals(0.9937903346742238, NormalDistribution.cdf(2.5), 1e-14);
        for (double zz = -8; zz <= 8; zz += 0.37) {
            assertEquals(1.0, NormalDistribution.cdf(zz) + NormalDistribution.cdf(-zz), 1e-14, "symmetry at " + zz);
        }
        ZScore heavy = z(Indicator.WEIGHT_FOR_AGE, Sex.MALE, 365, 11).orElseThrow();
        assertEquals(100 * NormalDistribution.cdf(heavy.z), heavy.percentile, 1e-12);
    }

    @Test
    void curvesAreMonotonicInZAtEveryX() {
        for (Indicator indicator : Indicator.values()) {
            for (Sex sex : Sex.values()) {
                double[] range = who.range(indicator, sex);
                List<CurvePoint> curve = who.curve(indicator, sex, range[0], range[1], 400);
                assertEquals(400, curve.size());
                assertEquals(range[0], curve.get(0).x, EXACT);
                assertEquals(range[1], curve.get(curve.size() - 1).x, EXACT);
                for (CurvePoint p : curve) {
                    for (int k = 1; k < 7; k++) {
                        assertTrue(p.values[k] > p.values[k - 1], indicator + " " + sex + " not monotonic at " + p);
                    }
                }
            }
        }
    }

    @Test
    void curveIsClampedEvenlySpacedAndHitsTheMedian() {
        List<CurvePoint> clamped = who.curve(Indicator.WEIGHT_FOR_AGE, Sex.MALE, -100, 100, 3);
        assertEquals(List.of(0.0, 50.0, 100.0), clamped.stream().map(p -> p.x).toList());
        CurvePoint day365 = who.curve(Indicator.WEIGHT_FOR_AGE, Sex.MALE, 365, 365, 1).get(0);
        assertEquals(9.646, day365.values[3], EXACT);
        assertEquals(sd(0.0645, 9.646, 0.10925, -3), day365.values[0], EXACT);
        assertEquals(sd(0.0645, 9.646, 0.10925, 3), day365.values[6], EXACT);
        assertTrue(who.curve(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, Sex.MALE, 2000, 3000, 5).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> who.curve(Indicator.BMI_FOR_AGE, Sex.MALE, 0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> who.curve(Indicator.BMI_FOR_AGE, Sex.MALE, 10, 0, 5));
    }

    @Test
    void curvePointCopiesItsValues() {
        double[] values = {1, 2, 3, 4, 5, 6, 7};
        CurvePoint p = new CurvePoint(1, values);
        values[3] = 99;
        assertEquals(4, p.values[3]);
        assertThrows(IllegalArgumentException.class, () -> new CurvePoint(1, new double[6]));
    }

    @Test
    void zScoreValidatesAndPrints() {
        ZScore z = new ZScore(Indicator.BMI_FOR_AGE, 1.234, 89.14, "WHO 2007");
        assertEquals("ZScore[BMI_FOR_AGE z=1.23 P89.14 WHO 2007]", z.toString());
        assertThrows(IllegalArgumentException.class, () -> new ZScore(Indicator.BMI_FOR_AGE, Double.NaN, 50, "x"));
        assertThrows(IllegalArgumentException.class, () -> new ZScore(Indicator.BMI_FOR_AGE, 0, 101, "x"));
        assertThrows(NullPointerException.class, () -> new ZScore(null, 0, 50, "x"));
    }

    @Test
    void whoIsOneSharedInstanceAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<GrowthStandards> get = GrowthStandards::who;
            List<Future<GrowthStandards>> results = pool.invokeAll(java.util.Collections.nCopies(32, get));
            for (Future<GrowthStandards> f : results) {
                assertSame(who, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(who.range(Indicator.BMI_FOR_AGE, Sex.MALE) == who.range(Indicator.BMI_FOR_AGE, Sex.MALE),
            "range returns a fresh array so callers cannot change it");
    }
}
