package org.pediconsult.specialty.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.specialty.growth.GrowthAnswers.answers;
import static org.pediconsult.specialty.growth.GrowthAnswers.measurement;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.growth.who.Indicator;
import org.pediconsult.growth.who.Position;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.AssessmentInput.Sex;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;

/** triage() end to end with real measurements and the real WHO tables, at each red flag's edge. */
class GrowthTriageTest {
    private static final LocalDate BIRTH = LocalDate.of(2022, 1, 10);
    private final GrowthSpecialty specialty = new GrowthSpecialty();

    private TriageResult triage(Sex sex, LocalDate assessedOn, GrowthAnswers answers) {
        return specialty.triage(new AssessmentInput(sex, BIRTH, assessedOn, answers.build()));
    }

    private static double length(Sex sex, LocalDate on, double z) {
        return WhoInverse.valueAt(Indicator.LENGTH_HEIGHT_FOR_AGE, who(sex), days(on), z, Position.LYING, null);
    }

    private static double weight(Sex sex, LocalDate on, double z) {
        return WhoInverse.valueAt(Indicator.WEIGHT_FOR_AGE, who(sex), days(on), z, Position.UNKNOWN, null);
    }

    private static double head(Sex sex, LocalDate on, double z) {
        return WhoInverse.valueAt(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, who(sex), days(on), z, Position.UNKNOWN, null);
    }

    @Test
    void aNormalChildIsRemoteOkWithTheZScoresInTheAdvice() {
        LocalDate born = LocalDate.of(2021, 3, 1);
        TriageResult t = specialty.triage(new AssessmentInput(Sex.MALE, born, LocalDate.of(2024, 3, 10), answers()
                .with(measurement(LocalDate.of(2023, 3, 1), 12.2, 87.1, "LYING", 48.3))
                .with(measurement(LocalDate.of(2024, 3, 1), 14.3, 96.1, "STANDING", 49.5)).build()));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertTrue(t.reasons.isEmpty(), t.reasons::toString);
        assertTrue(t.advice.en.matches(".*weight-for-age (0\\.0|[+-]0\\.1) \\(about the (4[6-9]|5[0-4])th percentile\\).*"), t.advice.en);
        assertTrue(t.advice.zh.contains("年龄别体重"), t.advice.zh);
    }

    @Test
    void heightForAgeJustBelowMinusThreeIsInPerson() {
        LocalDate on = BIRTH.plusMonths(18);
        TriageResult t = triage(Sex.FEMALE, on, answers().with(measurement(on, null, length(Sex.FEMALE, on, -3.01), "LYING", null)));
        assertEquals(TriageLevel.IN_PERSON, t.level);
        assertTrue(t.reasons.get(0).en.contains("below -3 SD"), t.reasons::toString);
    }

    @Test
    void heightForAgeJustAboveMinusThreeIsRemoteOk() {
        LocalDate on = BIRTH.plusMonths(18);
        TriageResult t = triage(Sex.FEMALE, on, answers().with(measurement(on, null, length(Sex.FEMALE, on, -2.99), "LYING", null)));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
    }

    @Test
    void heightForAgeAbovePlusThreeIsInPersonButNotJustBelow() {
        LocalDate on = BIRTH.plusMonths(18);
        assertEquals(TriageLevel.IN_PERSON, triage(Sex.MALE, on,
                answers().with(measurement(on, null, length(Sex.MALE, on, 3.01), "LYING", null))).level);
        assertEquals(TriageLevel.REMOTE_OK, triage(Sex.MALE, on,
                answers().with(measurement(on, null, length(Sex.MALE, on, 2.99), "LYING", null))).level);
    }

    @Test
    void largeHeadAt23MonthsIsInPersonButTheSameZAt25MonthsIsNot() {
        LocalDate at23 = BIRTH.plusMonths(23);
        LocalDate at25 = BIRTH.plusMonths(25);
        assertEquals(TriageLevel.IN_PERSON, triage(Sex.MALE, at23,
                answers().with(measurement(at23, null, null, null, head(Sex.MALE, at23, 3.2)))).level);
        assertEquals(TriageLevel.REMOTE_OK, triage(Sex.MALE, at25,
                answers().with(measurement(at25, null, null, null, head(Sex.MALE, at25, 3.2)))).level);
    }

    @Test
    void weightFallingAcrossTwoCentileSpacesInSixMonthsIsInPerson() {
        LocalDate first = BIRTH.plusMonths(12);
        LocalDate latest = BIRTH.plusMonths(18);
        TriageResult t = triage(Sex.MALE, latest, answers()
                .with(measurement(first, weight(Sex.MALE, first, 0.0), null, null, null))
                .with(measurement(latest, weight(Sex.MALE, latest, -1.35), null, null, null)));
        assertEquals(TriageLevel.IN_PERSON, t.level);
        assertTrue(t.reasons.get(0).en.startsWith("weight-for-age fell"), t.reasons::toString);
    }

    @Test
    void weightFallingByLessThanTwoCentileSpacesIsRemoteOk() {
        LocalDate first = BIRTH.plusMonths(12);
        LocalDate latest = BIRTH.plusMonths(18);
        TriageResult t = triage(Sex.MALE, latest, answers()
                .with(measurement(first, weight(Sex.MALE, first, 0.0), null, null, null))
                .with(measurement(latest, weight(Sex.MALE, latest, -1.33), null, null, null)));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
    }

    @Test
    void theSameFallWithinTwoMonthsIsNotReadAsATrend() {
        LocalDate first = BIRTH.plusMonths(16);
        LocalDate latest = BIRTH.plusMonths(18);
        TriageResult t = triage(Sex.MALE, latest, answers()
                .with(measurement(first, weight(Sex.MALE, first, 0.0), null, null, null))
                .with(measurement(latest, weight(Sex.MALE, latest, -1.5), null, null, null)));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
    }

    @Test
    void earlyBreastDevelopmentInAGirlOfSevenIsInPerson() {
        LocalDate born = LocalDate.of(2016, 9, 1);
        LocalDate on = born.plusYears(8).minusDays(1);
        TriageResult t = specialty.triage(new AssessmentInput(Sex.FEMALE, born, on, answers()
                .with(measurement(on, 25.0, 127.0, "STANDING", null))
                .put("pubertySigns", List.of("BREAST_DEVELOPMENT")).build()));
        assertEquals(TriageLevel.IN_PERSON, t.level);
        assertTrue(t.reasons.get(0).en.contains("precocious puberty"), t.reasons::toString);
    }

    @Test
    void regressionWithSeizuresIsEmergencyAndEveryReasonIsListed() {
        LocalDate on = BIRTH.plusMonths(18);
        TriageResult t = triage(Sex.FEMALE, on, answers()
                .with(measurement(on, null, length(Sex.FEMALE, on, -3.5), "LYING", null))
                .put("developmentalRegression", true).put("seizures", true));
        assertEquals(TriageLevel.EMERGENCY, t.level);
        assertEquals(2, t.reasons.size(), t.reasons::toString);
        assertTrue(t.advice.en.contains("emergency"), t.advice.en);
        assertTrue(!t.advice.en.contains("endocrinology"), "advice is that of the most urgent finding: " + t.advice.en);
    }

    @Test
    void regressionWithoutSeizuresIsInPerson() {
        LocalDate on = BIRTH.plusMonths(18);
        TriageResult t = triage(Sex.FEMALE, on, answers().put("developmentalRegression", true).put("seizures", false));
        assertEquals(TriageLevel.IN_PERSON, t.level);
    }

    @Test
    void aChildOfUnrecordedSexIsFlaggedIfEitherStandardFlagsAndTheReasonIsListedOnce() {
        LocalDate on = BIRTH.plusMonths(18);
        TriageResult t = triage(Sex.UNKNOWN, on, answers().with(measurement(on, null, length(Sex.MALE, on, -4.0), "LYING", null)));
        assertEquals(TriageLevel.IN_PERSON, t.level);
        assertEquals(1, t.reasons.size(), t.reasons::toString);
    }

    private static org.pediconsult.growth.who.Sex who(Sex sex) {
        return sex == Sex.FEMALE ? org.pediconsult.growth.who.Sex.FEMALE : org.pediconsult.growth.who.Sex.MALE;
    }

    private static long days(LocalDate on) {
        return on.toEpochDay() - BIRTH.toEpochDay();
    }
}
