package org.pediconsult.specialty.nutrition.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.TriageLevel;

class ThinnessRuleTest {
    private final ThinnessRule rule = new ThinnessRule();

    @Test
    void bmiForAgeBelowMinusThreeAtTenYearsIsSevereThinnessInPerson() {
        assertEquals(TriageLevel.IN_PERSON, rule.evaluate(120, -3.01).orElseThrow().level());
    }

    @Test
    void bmiForAgeJustAboveMinusThreeIsThinnessRemoteOk() {
        assertEquals(TriageLevel.REMOTE_OK, rule.evaluate(120, -2.99).orElseThrow().level());
        assertEquals(TriageLevel.REMOTE_OK, rule.evaluate(120, -2.01).orElseThrow().level());
    }

    @Test
    void bmiForAgeOfMinusTwoOrAboveIsNotThin() {
        assertTrue(rule.evaluate(120, -2.0).isEmpty());
        assertTrue(rule.evaluate(120, -1.99).isEmpty());
    }

    @Test
    void underFiveTheSamCriteriaApplyInstead() {
        assertTrue(rule.evaluate(59, -3.5).isEmpty());
        assertTrue(rule.evaluate(60, -3.5).isPresent());
    }
}
