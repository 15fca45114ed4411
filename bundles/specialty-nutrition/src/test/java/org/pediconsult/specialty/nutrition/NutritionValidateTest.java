package org.pediconsult.specialty.nutrition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.specialty.nutrition.NutritionAnswersBuilder.measured;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.growth.who.Indicator;
import org.pediconsult.growth.who.Position;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.AssessmentInput.Sex;
import org.pediconsult.specialty.api.FieldProblem;

/** validate(): dates and WHO Anthro plausibility with the real tables. */
class NutritionValidateTest {
    private static final LocalDate BIRTH = LocalDate.of(2022, 1, 10);
    private static final LocalDate AT_24_MONTHS = BIRTH.plusMonths(24);
    private final NutritionSpecialty specialty = new NutritionSpecialty();

    private List<FieldProblem> validate(Sex sex, LocalDate on, NutritionAnswersBuilder answers) {
        return specialty.validate(new AssessmentInput(sex, BIRTH, on, answers.build()));
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field).toList();
    }

    private static double weightForWhz(double cm, double z) {
        return WhoInverse.valueAt(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, org.pediconsult.growth.who.Sex.MALE,
                AT_24_MONTHS.toEpochDay() - BIRTH.toEpochDay(), z, Position.STANDING, cm);
    }

    @Test
    void aNormalTwoYearOldIsAccepted() {
        assertTrue(validate(Sex.MALE, AT_24_MONTHS, measured(AT_24_MONTHS, 12.2, 87.0, "STANDING").put("muacMm", 160))
                .isEmpty());
    }

    @Test
    void aMeasurementDatedAfterTheAssessmentIsRefused() {
        assertEquals(List.of("answers.date"),
                fields(validate(Sex.MALE, AT_24_MONTHS, measured(AT_24_MONTHS.plusDays(1), 12.2, 87.0, "STANDING"))));
    }

    @Test
    void aMeasurementDatedBeforeBirthIsRefused() {
        assertEquals(List.of("answers.date"),
                fields(validate(Sex.MALE, AT_24_MONTHS, measured(BIRTH.minusDays(3), 3.0, 50.0, "LYING"))));
    }

    @Test
    void aThreeYearOldOf160CmIsRefusedOnTheLength() {
        LocalDate at36 = BIRTH.plusMonths(36);
        List<FieldProblem> problems = validate(Sex.FEMALE, at36, measured(at36, 14.0, 160.0, "STANDING"));
        assertEquals(List.of("answers.lengthHeightCm"), fields(problems));
        assertTrue(problems.get(0).detail.contains("36 months"), problems.get(0).detail);
        assertFalse(problems.get(0).detail.contains("160"), problems.get(0).detail);
    }

    @Test
    void whzBeyondPlusFiveIsRefusedOnTheWeightEvenWhenWeightForAgeIsPlausible() {
        double weight = weightForWhz(87.0, 5.2);
        List<FieldProblem> problems = validate(Sex.MALE, AT_24_MONTHS, measured(AT_24_MONTHS, weight, 87.0, "STANDING"));
        assertEquals(List.of("answers.weightKg"), fields(problems));
        assertTrue(problems.get(0).detail.contains("length/height"), problems.get(0).detail);
    }

    @Test
    void whzJustInsidePlusFiveIsAccepted() {
        assertTrue(validate(Sex.MALE, AT_24_MONTHS, measured(AT_24_MONTHS, weightForWhz(87.0, 4.9), 87.0, "STANDING"))
                .isEmpty());
    }

    @Test
    void whzBelowMinusFiveIsStillAcceptedSoTheWastedChildIsReferred() {
        assertTrue(validate(Sex.MALE, AT_24_MONTHS,
                measured(AT_24_MONTHS, weightForWhz(87.0, -5.2), 87.0, "STANDING")).isEmpty());
    }

    @Test
    void whzBeyondPlusFiveIsRefusedAsWhoAnthroFlagsIt() {
        assertEquals(List.of("answers.weightKg"), fields(validate(Sex.MALE, AT_24_MONTHS,
                measured(AT_24_MONTHS, weightForWhz(87.0, 5.2), 87.0, "STANDING"))));
    }

    @Test
    void aSeverelyWastedChildAtMinusFourIsAcceptedSoTriageCanReferIt() {
        assertTrue(validate(Sex.MALE, AT_24_MONTHS, measured(AT_24_MONTHS, weightForWhz(87.0, -4.0), 87.0, "STANDING")
                .put("muacMm", 95)).isEmpty());
    }

    @Test
    void aMuacTooLargeForTheAgeIsRefusedAt6To59Months() {
        List<FieldProblem> problems = validate(Sex.MALE, AT_24_MONTHS,
                measured(AT_24_MONTHS, 12.2, 87.0, "STANDING").put("muacMm", 300));
        assertEquals(List.of("answers.muacMm"), fields(problems));
    }

    @Test
    void muacIsNotCheckedOutsideSixTo59Months() {
        LocalDate born = LocalDate.of(2017, 1, 10);
        LocalDate on = born.plusYears(7);
        assertTrue(specialty.validate(new AssessmentInput(Sex.MALE, born, on,
                measured(on, 23.0, 122.0, "STANDING").put("muacMm", 300).build())).isEmpty());
    }

    @Test
    void anImpossibleBmiAtTwelveIsRefusedOnTheWeight() {
        LocalDate born = LocalDate.of(2012, 1, 1);
        LocalDate on = LocalDate.of(2024, 1, 5);
        List<FieldProblem> problems = specialty.validate(new AssessmentInput(Sex.FEMALE, born, on,
                measured(on, 150.0, 150.0, "STANDING").build()));
        assertEquals(List.of("answers.weightKg"), fields(problems));
    }
}
