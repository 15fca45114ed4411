package org.pediconsult.specialty.nutrition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.specialty.nutrition.NutritionAnswersBuilder.measured;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.pediconsult.growth.who.Indicator;
import org.pediconsult.growth.who.Position;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.AssessmentInput.Sex;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;

/** triage() end to end with real measurements and the real WHO tables. */
class NutritionTriageTest {
    private static final LocalDate BIRTH = LocalDate.of(2022, 1, 10);
    private final NutritionSpecialty specialty = new NutritionSpecialty();

    private TriageResult triage(Sex sex, LocalDate birth, LocalDate on, NutritionAnswersBuilder answers) {
        return specialty.triage(new AssessmentInput(sex, birth, on, answers.build()));
    }

    /** A weight with this weight-for-length/height z at the given length and age. */
    private static double weightForWhz(Sex sex, LocalDate birth, LocalDate on, double cm, Position position, double z) {
        return WhoInverse.valueAt(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, who(sex), days(birth, on), z, position, cm);
    }

    private NutritionAnswersBuilder twoYearOldBoyWithWhz(LocalDate on, double z) {
        return measured(on, weightForWhz(Sex.MALE, BIRTH, on, 85.0, Position.STANDING, z), 85.0, "STANDING");
    }

    @Test
    void aWellNourishedChildIsRemoteOkWithItsZScoreInWords() {
        LocalDate on = BIRTH.plusMonths(24);
        TriageResult t = triage(Sex.MALE, BIRTH, on, twoYearOldBoyWithWhz(on, 0.0).put("appetiteTest", "PASSED"));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertTrue(t.reasons.isEmpty(), t.reasons::toString);
        assertTrue(t.advice.en.startsWith("weight-for-length/height z-score 0.0"), t.advice.en);
    }

    @Test
    void whzJustBelowMinusThreeIsUncomplicatedSamInPerson() {
        LocalDate on = BIRTH.plusMonths(24);
        TriageResult t = triage(Sex.MALE, BIRTH, on, twoYearOldBoyWithWhz(on, -3.01).put("appetiteTest", "PASSED"));
        assertEquals(TriageLevel.IN_PERSON, t.level);
        assertEquals(1, t.reasons.size(), t.reasons::toString);
        assertTrue(t.reasons.get(0).en.startsWith("severe acute malnutrition"), t.reasons::toString);
    }

    @Test
    void whzJustAboveMinusThreeIsModerateRemoteOkWithAdvice() {
        LocalDate on = BIRTH.plusMonths(24);
        TriageResult t = triage(Sex.MALE, BIRTH, on, twoYearOldBoyWithWhz(on, -2.99));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertTrue(t.reasons.get(0).en.startsWith("moderate acute malnutrition"), t.reasons::toString);
        assertTrue(t.advice.en.contains("energy-dense"), t.advice.en);
    }

    @Test
    void samWithAFailedAppetiteTestIsAnEmergency() {
        LocalDate on = BIRTH.plusMonths(24);
        TriageResult t = triage(Sex.MALE, BIRTH, on, twoYearOldBoyWithWhz(on, -3.01).put("appetiteTest", "FAILED"));
        assertEquals(TriageLevel.EMERGENCY, t.level);
    }

    @Test
    void samWithDiarrhoeaAndDehydrationIsAnEmergencyListingBoth() {
        LocalDate on = BIRTH.plusMonths(24);
        TriageResult t = triage(Sex.MALE, BIRTH, on, twoYearOldBoyWithWhz(on, -3.5)
                .put("diarrhoeaDays", 3).put("dehydrationSigns", true));
        assertEquals(TriageLevel.EMERGENCY, t.level);
        assertEquals(2, t.reasons.size(), t.reasons::toString);
        assertTrue(t.reasons.get(1).en.equals("diarrhoea with signs of dehydration"), t.reasons::toString);
    }

    @Test
    void diarrhoeaWithDehydrationInAWellNourishedChildIsInPerson() {
        LocalDate on = BIRTH.plusMonths(24);
        TriageResult t = triage(Sex.MALE, BIRTH, on, twoYearOldBoyWithWhz(on, 0.0)
                .put("diarrhoeaDays", 2).put("dehydrationSigns", true));
        assertEquals(TriageLevel.IN_PERSON, t.level);
    }

    @Test
    void bilateralOedemaInAnOtherwiseNormalChildIsAnEmergency() {
        LocalDate on = BIRTH.plusMonths(24);
        TriageResult t = triage(Sex.MALE, BIRTH, on, twoYearOldBoyWithWhz(on, 0.0).put("bilateralOedema", true));
        assertEquals(TriageLevel.EMERGENCY, t.level);
        assertTrue(t.reasons.get(0).en.contains("bilateral pitting oedema"), t.reasons::toString);
    }

    @Test
    void muac114mmAtOneYearIsSamButNotAtFiveMonthsNorAtSixtyMonths() {
        LocalDate at12 = BIRTH.plusMonths(12);
        double w12 = weightForWhz(Sex.FEMALE, BIRTH, at12, 74.0, Position.LYING, 0.0);
        assertEquals(TriageLevel.IN_PERSON, triage(Sex.FEMALE, BIRTH, at12,
                measured(at12, w12, 74.0, "LYING").put("muacMm", 114)).level);
        assertEquals(TriageLevel.REMOTE_OK, triage(Sex.FEMALE, BIRTH, at12,
                measured(at12, w12, 74.0, "LYING").put("muacMm", 115)).level);

        LocalDate at5 = BIRTH.plusMonths(5);
        double w5 = weightForWhz(Sex.FEMALE, BIRTH, at5, 64.0, Position.LYING, 0.0);
        TriageResult five = triage(Sex.FEMALE, BIRTH, at5, measured(at5, w5, 64.0, "LYING").put("muacMm", 114));
        assertEquals(TriageLevel.REMOTE_OK, five.level);
        assertTrue(five.reasons.isEmpty(), five.reasons::toString);

        LocalDate at60 = BIRTH.plusMonths(60);
        TriageResult sixty = triage(Sex.FEMALE, BIRTH, at60, measured(at60, 18.2, 109.4, "STANDING").put("muacMm", 114));
        assertEquals(TriageLevel.REMOTE_OK, sixty.level);
        assertTrue(sixty.reasons.isEmpty(), sixty.reasons::toString);
    }

    @Test
    void bmiForAgeJustAbovePlusTwoAtTenYearsIsObesityRemoteOk() {
        LocalDate born = LocalDate.of(2014, 2, 1);
        LocalDate on = born.plusYears(10);
        TriageResult t = triage(Sex.FEMALE, born, on, tenYearOldGirlWithBmiz(born, on, 2.01));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertTrue(t.reasons.get(0).en.startsWith("obesity (BMI-for-age above +2"), t.reasons::toString);
        assertTrue(t.advice.en.contains("diet, activity and sleep"), t.advice.en);
    }

    @Test
    void bmiForAgeJustBelowPlusTwoAtTenYearsIsOverweight() {
        LocalDate born = LocalDate.of(2014, 2, 1);
        LocalDate on = born.plusYears(10);
        TriageResult t = triage(Sex.FEMALE, born, on, tenYearOldGirlWithBmiz(born, on, 1.99));
        assertTrue(t.reasons.get(0).en.startsWith("overweight (BMI-for-age above +1"), t.reasons::toString);
    }

    @Test
    void whzAbovePlusTwoInATwoYearOldIsOverweight() {
        LocalDate on = BIRTH.plusMonths(24);
        TriageResult t = triage(Sex.MALE, BIRTH, on, twoYearOldBoyWithWhz(on, 2.01));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertTrue(t.reasons.get(0).en.startsWith("overweight (weight-for-length/height above +2"), t.reasons::toString);
        assertTrue(triage(Sex.MALE, BIRTH, on, twoYearOldBoyWithWhz(on, 1.99)).reasons.isEmpty());
    }

    @Test
    void aChildOfUnrecordedSexIsFlaggedIfEitherStandardFlags() {
        LocalDate on = BIRTH.plusMonths(24);
        TriageResult t = triage(Sex.OTHER, BIRTH, on, twoYearOldBoyWithWhz(on, -3.6));
        assertEquals(TriageLevel.IN_PERSON, t.level);
    }

    private static NutritionAnswersBuilder tenYearOldGirlWithBmiz(LocalDate born, LocalDate on, double z) {
        double bmi = WhoInverse.valueAt(Indicator.BMI_FOR_AGE, who(Sex.FEMALE), days(born, on), z, Position.STANDING, null);
        return measured(on, bmi * 1.38 * 1.38, 138.0, "STANDING");
    }

    private static org.pediconsult.growth.who.Sex who(Sex sex) {
        return sex == Sex.FEMALE ? org.pediconsult.growth.who.Sex.FEMALE : org.pediconsult.growth.who.Sex.MALE;
    }

    private static long days(LocalDate birth, LocalDate on) {
        return on.toEpochDay() - birth.toEpochDay();
    }
}
