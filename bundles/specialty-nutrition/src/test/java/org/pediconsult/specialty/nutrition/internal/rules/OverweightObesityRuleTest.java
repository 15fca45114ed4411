package org.pediconsult.specialty.nutrition.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.TriageLevel;

class OverweightObesityRuleTest {
    private static final int THREE_YEARS = 36;
    private static final int TEN_YEARS = 120;
    private final OverweightObesityRule rule = new OverweightObesityRule();

    private String reason(int months, Double whz, Double bmiz) {
        Finding f = rule.evaluate(months, whz, bmiz).orElseThrow();
        assertEquals(TriageLevel.REMOTE_OK, f.level());
        return f.reason().en;
    }

    @Test
    void underFiveWhzAbovePlusTwoIsOverweight() {
        assertTrue(reason(THREE_YEARS, 2.01, null).startsWith("overweight (weight-for-length/height above +2"));
        assertTrue(rule.evaluate(THREE_YEARS, 1.99, null).isEmpty());
        assertTrue(rule.evaluate(THREE_YEARS, 2.0, null).isEmpty());
    }

    @Test
    void underFiveWhzAbovePlusThreeIsObese() {
        assertTrue(reason(THREE_YEARS, 3.01, null).startsWith("obesity (weight-for-length/height above +3"));
        assertTrue(reason(THREE_YEARS, 2.99, null).startsWith("overweight"));
    }

    @Test
    void underFiveTheBmiCutOffsOfTheSchoolAgeAreNotUsed() {
        assertTrue(rule.evaluate(THREE_YEARS, 1.5, 1.5).isEmpty());
    }

    @Test
    void underFiveBmiForAgeStandsInWhenWhzCannotBeComputed() {
        assertTrue(reason(THREE_YEARS, null, 2.5).startsWith("overweight (BMI-for-age above +2"));
    }

    @Test
    void atTenYearsBmiForAgeAbovePlusTwoIsObese() {
        assertTrue(reason(TEN_YEARS, null, 2.01).startsWith("obesity (BMI-for-age above +2"));
        assertTrue(reason(TEN_YEARS, null, 1.99).startsWith("overweight (BMI-for-age above +1"));
    }

    @Test
    void atTenYearsBmiForAgeAbovePlusOneIsOverweight() {
        assertTrue(reason(TEN_YEARS, null, 1.01).startsWith("overweight"));
        assertTrue(rule.evaluate(TEN_YEARS, null, 0.99).isEmpty());
    }

    @Test
    void fromSixtyMonthsTheSchoolAgeCutOffsApply() {
        assertTrue(rule.evaluate(59, null, 1.5).isEmpty());
        assertTrue(rule.evaluate(60, null, 1.5).isPresent());
    }

    @Test
    void nothingToJudgeWithoutAZ() {
        assertTrue(rule.evaluate(THREE_YEARS, null, null).isEmpty());
        assertTrue(rule.evaluate(TEN_YEARS, 4.0, null).isEmpty(), "WHZ is not a school-age indicator");
    }
}
