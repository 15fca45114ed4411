package org.pediconsult.specialty.growth.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.pediconsult.growth.who.GrowthStandards;
import org.pediconsult.growth.who.Indicator;
import org.pediconsult.growth.who.Sex;
import org.pediconsult.growth.who.ZScore;

/**
 * WHO z-scores of one measurement, at the child's age on the measurement day. Raw length/height and
 * position go to the library, which applies the WHO 0.7 cm lying/standing correction itself; BMI is
 * computed by the library's {@link GrowthStandards#bmi} for the same reason. Empty when the value
 * needed is missing or the WHO table does not cover the age (or length).
 */
public final class ChildZScores {
    private final GrowthStandards standards;

    public ChildZScores(GrowthStandards standards) {
        this.standards = standards;
    }

    public Optional<ZScore> of(Indicator indicator, Sex sex, LocalDate birthDate, Measurement m) {
        double age = m.ageDays(birthDate);
        switch (indicator) {
            case WEIGHT_FOR_AGE:
                return m.weightKg() == null ? Optional.empty()
                        : standards.zScore(indicator, sex, age, m.weightKg(), m.position(), m.lengthHeightCm());
            case LENGTH_HEIGHT_FOR_AGE:
                return m.lengthHeightCm() == null ? Optional.empty()
                        : standards.zScore(indicator, sex, age, m.lengthHeightCm(), m.position(), m.lengthHeightCm());
            case HEAD_CIRCUMFERENCE_FOR_AGE:
                return m.headCm() == null ? Optional.empty()
                        : standards.zScore(indicator, sex, age, m.headCm(), m.position(), m.lengthHeightCm());
            case WEIGHT_FOR_LENGTH_HEIGHT:
                return m.weightKg() == null || m.lengthHeightCm() == null ? Optional.empty()
                        : standards.zScore(indicator, sex, age, m.weightKg(), m.position(), m.lengthHeightCm());
            case BMI_FOR_AGE:
                return m.weightKg() == null || m.lengthHeightCm() == null ? Optional.empty()
                        : standards.zScore(indicator, sex, age, bmi(m, birthDate), m.position(), m.lengthHeightCm());
            default:
                return Optional.empty();
        }
    }

    /** BMI in kg/m² with the length/height corrected to the position WHO expects at this age. */
    public static double bmi(Measurement m, LocalDate birthDate) {
        return GrowthStandards.bmi(m.weightKg(), m.lengthHeightCm(), m.ageDays(birthDate), m.position());
    }
}
