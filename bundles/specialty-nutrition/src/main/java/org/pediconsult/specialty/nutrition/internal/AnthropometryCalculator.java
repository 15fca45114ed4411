package org.pediconsult.specialty.nutrition.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.pediconsult.growth.who.GrowthStandards;
import org.pediconsult.growth.who.Indicator;
import org.pediconsult.growth.who.Sex;
import org.pediconsult.growth.who.ZScore;

/**
 * Computes the {@link Anthropometry} of a nutrition assessment with the WHO library. Raw length/height
 * and position go to the library, which applies WHO's 0.7 cm lying/standing correction (and chooses
 * the weight-for-length or weight-for-height table by age) itself.
 */
public final class AnthropometryCalculator {
    static final int UNDER_FIVE_MONTHS = 60;
    private final GrowthStandards standards;

    public AnthropometryCalculator(GrowthStandards standards) {
        this.standards = standards;
    }

    public Anthropometry of(Sex sex, LocalDate birthDate, NutritionAnswers n) {
        int months = n.ageMonths(birthDate);
        double days = n.ageDays(birthDate);
        Double weight = n.weightKg();
        Double length = n.lengthHeightCm();
        Double whz = null;
        Double bmiz = null;
        if (weight != null && length != null) {
            if (months < UNDER_FIVE_MONTHS) {
                whz = z(standards.zScore(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, sex, days, weight, n.position(), length));
            }
            double bmi = GrowthStandards.bmi(weight, length, days, n.position());
            bmiz = z(standards.zScore(Indicator.BMI_FOR_AGE, sex, days, bmi, n.position(), length));
        }
        Double waz = weight == null ? null
                : z(standards.zScore(Indicator.WEIGHT_FOR_AGE, sex, days, weight, n.position(), length));
        Double haz = length == null ? null
                : z(standards.zScore(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, days, length, n.position(), length));
        Double acz = n.muacMm() == null ? null
                : z(standards.zScore(Indicator.ARM_CIRCUMFERENCE_FOR_AGE, sex, days, n.muacMm() / 10.0, n.position(),
                        length));
        return new Anthropometry(months, whz, bmiz, waz, haz, acz);
    }

    private static Double z(Optional<ZScore> score) {
        return score.map(s -> s.z).orElse(null);
    }
}
