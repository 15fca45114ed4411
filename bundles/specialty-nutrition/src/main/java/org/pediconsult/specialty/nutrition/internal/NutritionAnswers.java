package org.pediconsult.specialty.nutrition.internal;

import java.time.LocalDate;
import java.time.Period;

import org.pediconsult.growth.who.Position;
import org.pediconsult.specialty.api.Answers;
import org.pediconsult.specialty.api.AssessmentInput;

/**
 * The nutrition answers as typed values. {@code date} is the day of the measurement: ages for the
 * WHO tables and for the 6-59 month MUAC window are taken on that day, not on the assessment day.
 */
public record NutritionAnswers(LocalDate date, Double weightKg, Double lengthHeightCm, Position position,
                               Integer muacMm, boolean bilateralOedema, boolean appetiteTestFailed,
                               Integer diarrhoeaDays, boolean dehydrationSigns) {

    /** Reads validated answers; a missing date (only in a malformed record) falls back to the assessment day. */
    public static NutritionAnswers of(AssessmentInput a) {
        LocalDate date = Answers.date(a.answers, "date");
        return new NutritionAnswers(date == null ? a.assessedOn : date,
                Answers.number(a.answers, "weightKg"),
                Answers.number(a.answers, "lengthHeightCm"),
                Position.of(a.answers.get("position")),
                Answers.integer(a.answers, "muacMm"),
                Answers.isTrue(a.answers, "bilateralOedema"),
                "FAILED".equals(a.answers.get("appetiteTest")),
                Answers.integer(a.answers, "diarrhoeaDays"),
                Answers.isTrue(a.answers, "dehydrationSigns"));
    }

    public long ageDays(LocalDate birthDate) {
        return date.toEpochDay() - birthDate.toEpochDay();
    }

    /** Completed months on the measurement day. */
    public int ageMonths(LocalDate birthDate) {
        return (int) Period.between(birthDate, date).toTotalMonths();
    }
}
