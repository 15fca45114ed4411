package org.pediconsult.specialty.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.specialty.growth.GrowthAnswers.answers;
import static org.pediconsult.specialty.growth.GrowthAnswers.measurement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.AssessmentInput.Sex;
import org.pediconsult.specialty.api.FieldProblem;

/** validate(): age-aware plausibility with the real WHO tables. */
class GrowthValidateTest {
    private static final LocalDate BIRTH = LocalDate.of(2021, 3, 1);
    private static final LocalDate THIRD_BIRTHDAY = LocalDate.of(2024, 3, 1);
    private static final LocalDate ASSESSED = LocalDate.of(2024, 3, 10);
    private final GrowthSpecialty specialty = new GrowthSpecialty();

    private List<FieldProblem> validate(Sex sex, Map<String, Object> answers) {
        return specialty.validate(new AssessmentInput(sex, BIRTH, ASSESSED, answers));
    }

    @Test
    void aNormalThreeYearOldIsAccepted() {
        List<FieldProblem> problems = validate(Sex.MALE, answers()
                .with(measurement(LocalDate.of(2023, 3, 1), 12.2, 87.1, "LYING", 48.3))
                .with(measurement(THIRD_BIRTHDAY, 14.3, 96.1, "STANDING", 49.5)).build());
        assertTrue(problems.isEmpty(), () -> describe(problems));
    }

    @Test
    void aThreeYearOldOf160CmIsRefusedOnTheLengthWithoutQuotingIt() {
        List<FieldProblem> problems = validate(Sex.MALE, answers()
                .with(measurement(LocalDate.of(2023, 3, 1), 12.2, 87.1, "LYING", null))
                .with(measurement(THIRD_BIRTHDAY, 14.3, 160.0, "STANDING", null)).build());
        assertEquals(1, problems.size(), () -> describe(problems));
        FieldProblem p = problems.get(0);
        assertEquals("answers.measurements[1].lengthHeightCm", p.field);
        assertTrue(p.detail.contains("36 months"), p.detail);
        assertTrue(p.detail.contains("check the unit"), p.detail);
        assertFalse(p.detail.contains("160"), p.detail);
    }

    @Test
    void aThreeYearOfOf300CmIsRefusedHereToo() {
        List<FieldProblem> problems = validate(Sex.FEMALE, answers()
                .with(measurement(THIRD_BIRTHDAY, 14.0, 300.0, "STANDING", null)).build());
        assertEquals(List.of("answers.measurements[0].lengthHeightCm"), fields(problems));
    }

    @Test
    void implausibleForBothStandardsWhenTheSexIsUnknown() {
        List<FieldProblem> problems = validate(Sex.UNKNOWN, answers()
                .with(measurement(THIRD_BIRTHDAY, 14.0, 160.0, "STANDING", null)).build());
        assertEquals(List.of("answers.measurements[0].lengthHeightCm"), fields(problems));
    }

    @Test
    void weightInPoundsIsRefusedOnTheWeight() {
        List<FieldProblem> problems = validate(Sex.MALE, answers()
                .with(measurement(THIRD_BIRTHDAY, 45.0, 96.0, "STANDING", null)).build());
        assertEquals(List.of("answers.measurements[0].weightKg"), fields(problems));
    }

    @Test
    void headOfAnAdultOnAOneYearOldIsRefused() {
        List<FieldProblem> problems = validate(Sex.FEMALE, answers()
                .with(measurement(LocalDate.of(2022, 3, 1), 9.0, 74.0, "LYING", 60.0)).build());
        assertEquals(List.of("answers.measurements[0].headCm"), fields(problems));
    }

    @Test
    void weightImpossibleForTheHeightOfAnOlderChildIsRefusedThroughBmi() {
        LocalDate birth = LocalDate.of(2012, 1, 1);
        LocalDate on = LocalDate.of(2024, 1, 5);
        List<FieldProblem> problems = specialty.validate(new AssessmentInput(Sex.MALE, birth, on, answers()
                .with(measurement(on, 150.0, 150.0, "STANDING", null)).build()));
        assertEquals(List.of("answers.measurements[0].weightKg"), fields(problems));
        assertTrue(problems.get(0).detail.contains("length/height"), problems.get(0).detail);
    }

    @Test
    void measurementAfterTheAssessmentDayIsRefused() {
        List<FieldProblem> problems = validate(Sex.MALE, answers()
                .with(measurement(ASSESSED.plusDays(1), 14.3, 96.1, "STANDING", null)).build());
        assertEquals(List.of("answers.measurements[0].date"), fields(problems));
    }

    @Test
    void measurementBeforeBirthIsRefused() {
        List<FieldProblem> problems = validate(Sex.MALE, answers()
                .with(measurement(THIRD_BIRTHDAY, 14.3, 96.1, "STANDING", null))
                .with(measurement(BIRTH.minusDays(1), 3.3, 50.0, "LYING", null)).build());
        assertEquals(List.of("answers.measurements[1].date"), fields(problems));
    }

    @Test
    void measurementOnTheBirthDayAndOnTheAssessmentDayAreAccepted() {
        List<FieldProblem> problems = validate(Sex.FEMALE, answers()
                .with(measurement(BIRTH, 3.2, 49.1, "LYING", 33.9))
                .with(measurement(ASSESSED, 13.9, 95.1, "STANDING", null)).build());
        assertTrue(problems.isEmpty(), () -> describe(problems));
    }

    @Test
    void anEmptyListOfMeasurementsIsRefused() {
        assertEquals(List.of("answers.measurements"), fields(validate(Sex.MALE, answers().build())));
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field).toList();
    }

    private static String describe(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field + ": " + p.detail).toList().toString();
    }
}
