package org.pediconsult.specialty.growth.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pediconsult.growth.who.Indicator;
import org.pediconsult.growth.who.Sex;
import org.pediconsult.growth.who.ZScore;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.growth.internal.rules.CentileCrossingRule;
import org.pediconsult.specialty.growth.internal.rules.ExtremeHeightRule;
import org.pediconsult.specialty.growth.internal.rules.HeadCircumferenceRule;

/**
 * Applies the z-score rules to a child's measurement history against one sex's WHO standards. Each
 * indicator uses the latest measurement that carries its value (a visit where only the weight was
 * taken does not hide the length measured a month before).
 */
public final class AnthropometricFindings {
    private final ChildZScores zScores;
    private final ExtremeHeightRule extremeHeight;
    private final CentileCrossingRule centileCrossing;
    private final HeadCircumferenceRule headCircumference;

    public AnthropometricFindings(ChildZScores zScores, ExtremeHeightRule extremeHeight,
                                  CentileCrossingRule centileCrossing, HeadCircumferenceRule headCircumference) {
        this.zScores = zScores;
        this.extremeHeight = extremeHeight;
        this.centileCrossing = centileCrossing;
        this.headCircumference = headCircumference;
    }

    /** @param chronological measurements dated from birth to the assessment day, oldest first */
    public List<Finding> evaluate(Sex sex, LocalDate birthDate, List<Measurement> chronological) {
        List<Finding> out = new ArrayList<>();
        List<DatedZ> height = series(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, birthDate, chronological);
        if (!height.isEmpty()) {
            extremeHeight.evaluate(last(height).z.z).ifPresent(out::add);
        }
        List<DatedZ> head = series(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, sex, birthDate, chronological);
        if (!head.isEmpty()) {
            DatedZ latest = last(head);
            headCircumference.evaluate(latest.z.z, latest.m.ageMonths(birthDate)).ifPresent(out::add);
        }
        crossing(Indicator.WEIGHT_FOR_AGE, series(Indicator.WEIGHT_FOR_AGE, sex, birthDate, chronological))
                .ifPresent(out::add);
        crossing(Indicator.LENGTH_HEIGHT_FOR_AGE, height).ifPresent(out::add);
        return out;
    }

    /** Latest z of each indicator, for the advice; empty when not measured or outside the WHO tables. */
    public Optional<ZScore> latest(Indicator indicator, Sex sex, LocalDate birthDate, List<Measurement> chronological) {
        List<DatedZ> s = series(indicator, sex, birthDate, chronological);
        return s.isEmpty() ? Optional.empty() : Optional.of(last(s).z);
    }

    /** The latest against the earlier measurement, at least three months before, that differs most. */
    private Optional<Finding> crossing(Indicator indicator, List<DatedZ> series) {
        if (series.size() < 2) {
            return Optional.empty();
        }
        DatedZ latest = last(series);
        DatedZ furthest = null;
        for (DatedZ earlier : series.subList(0, series.size() - 1)) {
            boolean farEnough = !earlier.m.date().plusMonths(3).isAfter(latest.m.date());
            if (farEnough && (furthest == null
                    || Math.abs(latest.z.z - earlier.z.z) > Math.abs(latest.z.z - furthest.z.z))) {
                furthest = earlier;
            }
        }
        return furthest == null ? Optional.empty()
                : centileCrossing.evaluate(indicator, furthest.m.date(), furthest.z.z, latest.m.date(), latest.z.z);
    }

    private List<DatedZ> series(Indicator indicator, Sex sex, LocalDate birthDate, List<Measurement> chronological) {
        List<DatedZ> out = new ArrayList<>();
        for (Measurement m : chronological) {
            zScores.of(indicator, sex, birthDate, m).ifPresent(z -> out.add(new DatedZ(m, z)));
        }
        return out;
    }

    private static DatedZ last(List<DatedZ> series) {
        return series.get(series.size() - 1);
    }

    private record DatedZ(Measurement m, ZScore z) {
    }
}
