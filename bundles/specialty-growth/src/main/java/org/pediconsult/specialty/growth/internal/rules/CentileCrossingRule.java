package org.pediconsult.specialty.growth.internal.rules;

import java.time.LocalDate;
import java.util.Optional;

import org.pediconsult.growth.who.Indicator;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.growth.internal.IndicatorNames;

/**
 * A weight or length/height that crosses two major centile lines between two measurements at least
 * three months apart. On the UK-WHO charts the major centile lines (0.4th, 2nd, 9th, 25th, 50th...)
 * are two-thirds of a SD apart, so two centile spaces are about 1.34 SD (Cole TJ, "Presenting
 * information on growth distance and conditional velocity in one chart: practical issues of chart
 * design", Stat Med 1998;17:2697-707; RCPCH UK-WHO growth chart guidance: crossing two centile
 * spaces warrants assessment). A fall may be faltering growth or chronic disease, a rise in height an endocrine
 * cause: IN_PERSON. Three months avoids reading measurement noise between close visits as a trend.
 */
public final class CentileCrossingRule {
    /** Two centile spaces in SD; a tiny tolerance keeps an exact 1.34 computed in floating point on the crossing side. */
    static final double TWO_CENTILE_SPACES = 1.34;
    static final int MIN_MONTHS_APART = 3;
    private static final double TOLERANCE = 1e-9;

    /**
     * @param indicator WEIGHT_FOR_AGE or LENGTH_HEIGHT_FOR_AGE
     */
    public Optional<Finding> evaluate(Indicator indicator, LocalDate earlier, double earlierZ, LocalDate latest,
                                      double latestZ) {
        if (earlier.plusMonths(MIN_MONTHS_APART).isAfter(latest)) {
            return Optional.empty();
        }
        double change = latestZ - earlierZ;
        if (Math.abs(change) < TWO_CENTILE_SPACES - TOLERANCE) {
            return Optional.empty();
        }
        LocalizedText name = IndicatorNames.of(indicator);
        LocalizedText reason = change < 0
                ? LocalizedText.of(name.zh + "下降跨越两条主要百分位线（Z评分下降≥1.34）",
                        name.en + " fell across two major centile lines (z-score drop >= 1.34)")
                : LocalizedText.of(name.zh + "上升跨越两条主要百分位线（Z评分上升≥1.34）",
                        name.en + " rose across two major centile lines (z-score rise >= 1.34)");
        return Optional.of(new Finding(TriageLevel.IN_PERSON, reason,
                LocalizedText.of("生长轨迹明显偏离，请在两周内到儿科门诊面诊并复测",
                        "the growth curve has changed course: see a pediatrician in person within two weeks to re-measure and examine")));
    }
}
