package org.pediconsult.specialty.growth.internal.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.growth.who.CurvePoint;
import org.pediconsult.growth.who.GrowthStandards;
import org.pediconsult.growth.who.Sex;
import org.pediconsult.growth.who.ZScore;
import org.pediconsult.specialty.growth.internal.ChildZScores;
import org.pediconsult.specialty.growth.internal.Measurement;
import org.pediconsult.specialty.growth.internal.MeasurementAnswers;

/**
 * Builds a growth chart from the child's growth assessments. Guardians re-enter earlier check-ups in
 * each assessment, so measurements are keyed by date and a later assessment's entry for a date
 * replaces an earlier one (it may correct a typo). The reference curves span at least birth to five
 * years (the WHO 2006 standards' range, where most consults are) and the child's measured span plus
 * half a year, within the WHO table's range; weight-for-length/height curves cover the whole table.
 */
public final class GrowthChartBuilder {
    static final double FIVE_YEARS_DAYS = 1826;
    static final double AGE_MARGIN_DAYS = 182;
    static final int CURVE_POINTS = 121;
    private static final String[] Z_KEYS = {"-3", "-2", "-1", "0", "1", "2", "3"};

    private final GrowthStandards standards;
    private final ChildZScores zScores;

    public GrowthChartBuilder(GrowthStandards standards) {
        this.standards = standards;
        this.zScores = new ChildZScores(standards);
    }

    public GrowthChart build(String childId, ChartIndicator chart, Sex sex, LocalDate birthDate,
                             List<AssessmentDTO> assessments) {
        GrowthChart out = new GrowthChart();
        out.childId = childId;
        out.indicator = chart.param;
        out.sex = sex.name();
        out.unit = chart.unit;
        out.xAxis = chart.xAxis;
        out.points = new ArrayList<>();
        for (Measurement m : measurementsByDate(assessments, birthDate).values()) {
            point(chart, sex, birthDate, m).ifPresent(out.points::add);
        }
        out.curves = curves(chart, sex, out.points);
        return out;
    }

    private static TreeMap<LocalDate, Measurement> measurementsByDate(List<AssessmentDTO> assessments,
                                                                      LocalDate birthDate) {
        TreeMap<LocalDate, Measurement> byDate = new TreeMap<>();
        for (AssessmentDTO a : assessments) {
            if (a.answers == null) {
                continue;
            }
            for (Measurement m : MeasurementAnswers.parse(a.answers)) {
                if (!m.date().isBefore(birthDate)) {
                    byDate.put(m.date(), m);
                }
            }
        }
        return byDate;
    }

    private Optional<ChartPoint> point(ChartIndicator chart, Sex sex, LocalDate birthDate, Measurement m) {
        Optional<Double> x = chart.x(m, birthDate);
        Optional<Double> value = chart.value(m, birthDate);
        if (x.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        ChartPoint p = new ChartPoint();
        p.date = m.date().toString();
        p.x = round(x.get(), 1);
        p.value = round(value.get(), 2);
        Optional<ZScore> z = zScores.of(chart.indicator, sex, birthDate, m);
        p.z = z.map(s -> round(s.z, 2)).orElse(null);
        p.percentile = z.map(s -> round(s.percentile, 1)).orElse(null);
        return Optional.of(p);
    }

    private Map<String, List<double[]>> curves(ChartIndicator chart, Sex sex, List<ChartPoint> points) {
        double[] range = standards.range(chart.indicator, sex);
        double from = range[0];
        double to = range[1];
        if (ChartIndicator.AGE_DAYS.equals(chart.xAxis)) {
            double lastX = points.stream().mapToDouble(p -> p.x).max().orElse(0);
            double firstX = points.stream().mapToDouble(p -> p.x).min().orElse(0);
            from = Math.max(range[0], Math.min(0, firstX - AGE_MARGIN_DAYS));
            to = Math.min(range[1], Math.max(FIVE_YEARS_DAYS, lastX + AGE_MARGIN_DAYS));
        }
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        for (String key : Z_KEYS) {
            curves.put(key, new ArrayList<>());
        }
        for (CurvePoint c : standards.curve(chart.indicator, sex, from, to, CURVE_POINTS)) {
            for (int i = 0; i < Z_KEYS.length && i < c.values.length; i++) {
                curves.get(Z_KEYS[i]).add(new double[] {round(c.x, 1), round(c.values[i], 3)});
            }
        }
        return curves;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
