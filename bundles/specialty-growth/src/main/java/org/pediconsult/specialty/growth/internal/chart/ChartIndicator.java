package org.pediconsult.specialty.growth.internal.chart;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.pediconsult.growth.who.GrowthStandards;
import org.pediconsult.growth.who.Indicator;
import org.pediconsult.specialty.growth.internal.ChildZScores;
import org.pediconsult.specialty.growth.internal.Measurement;

/**
 * The charts the growth endpoint draws, by their name in the {@code indicator} query parameter, with
 * the unit of the y axis and what the x axis is. A point is plotted where the WHO curves are: length
 * or height as corrected to the position WHO expects at the age (0.7 cm), BMI from the corrected
 * length/height.
 */
public enum ChartIndicator {
    WEIGHT_FOR_AGE("weight-for-age", Indicator.WEIGHT_FOR_AGE, "kg", ChartIndicator.AGE_DAYS),
    LENGTH_HEIGHT_FOR_AGE("length-height-for-age", Indicator.LENGTH_HEIGHT_FOR_AGE, "cm", ChartIndicator.AGE_DAYS),
    BMI_FOR_AGE("bmi-for-age", Indicator.BMI_FOR_AGE, "kg/m2", ChartIndicator.AGE_DAYS),
    HEAD_CIRCUMFERENCE_FOR_AGE("head-circumference-for-age", Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, "cm",
            ChartIndicator.AGE_DAYS),
    WEIGHT_FOR_LENGTH_HEIGHT("weight-for-length-height", Indicator.WEIGHT_FOR_LENGTH_HEIGHT, "kg",
            ChartIndicator.LENGTH_HEIGHT_CM);

    static final String AGE_DAYS = "ageDays";
    static final String LENGTH_HEIGHT_CM = "lengthHeightCm";

    public final String param;
    public final Indicator indicator;
    public final String unit;
    public final String xAxis;

    ChartIndicator(String param, Indicator indicator, String unit, String xAxis) {
        this.param = param;
        this.indicator = indicator;
        this.unit = unit;
        this.xAxis = xAxis;
    }

    public static Optional<ChartIndicator> byParam(String param) {
        return Arrays.stream(values()).filter(c -> c.param.equals(param)).findFirst();
    }

    public static List<String> params() {
        return Arrays.stream(values()).map(c -> c.param).collect(Collectors.toList());
    }

    /** x of the point (age in days, or corrected length/height in cm); empty when the measurement lacks what is needed. */
    Optional<Double> x(Measurement m, LocalDate birthDate) {
        if (this == WEIGHT_FOR_LENGTH_HEIGHT) {
            return m.weightKg() == null || m.lengthHeightCm() == null ? Optional.empty()
                    : Optional.of(corrected(m, birthDate));
        }
        return value(m, birthDate).map(v -> (double) m.ageDays(birthDate));
    }

    /** y of the point, in {@link #unit}. */
    Optional<Double> value(Measurement m, LocalDate birthDate) {
        switch (this) {
            case WEIGHT_FOR_AGE:
            case WEIGHT_FOR_LENGTH_HEIGHT:
                return Optional.ofNullable(m.weightKg());
            case LENGTH_HEIGHT_FOR_AGE:
                return m.lengthHeightCm() == null ? Optional.empty() : Optional.of(corrected(m, birthDate));
            case BMI_FOR_AGE:
                return m.weightKg() == null || m.lengthHeightCm() == null ? Optional.empty()
                        : Optional.of(ChildZScores.bmi(m, birthDate));
            case HEAD_CIRCUMFERENCE_FOR_AGE:
                return Optional.ofNullable(m.headCm());
            default:
                return Optional.empty();
        }
    }

    private static double corrected(Measurement m, LocalDate birthDate) {
        return GrowthStandards.correctedLengthHeight(m.lengthHeightCm(), m.ageDays(birthDate), m.position());
    }
}
