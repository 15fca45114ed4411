package org.pediconsult.specialty.nutrition.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.TriageLevel;

class ModerateAcuteMalnutritionRuleTest {
    private final ModerateAcuteMalnutritionRule rule = new ModerateAcuteMalnutritionRule();

    @Test
    void whzFromMinusThreeInclusiveToBelowMinusTwoIsModerate() {
        Finding f = rule.evaluate(24, -2.99, null).orElseThrow();
        assertEquals(TriageLevel.REMOTE_OK, f.level());
        assertTrue(f.reason().en.startsWith("moderate acute malnutrition"), f.reason().en);
        assertTrue(rule.evaluate(24, -3.0, null).isPresent());
        assertTrue(rule.evaluate(24, -2.01, null).isPresent());
    }

    @Test
    void whzOfMinusTwoOrAboveIsNotModerate() {
        assertTrue(rule.evaluate(24, -2.0, null).isEmpty());
        assertTrue(rule.evaluate(24, -1.99, null).isEmpty());
    }

    @Test
    void whzBelowMinusThreeIsTheSevereBandNotThisOne() {
        assertTrue(rule.evaluate(24, -3.01, null).isEmpty());
    }

    @Test
    void muacFrom115To124mmIsModerate() {
        assertTrue(rule.evaluate(24, null, 115).isPresent());
        assertTrue(rule.evaluate(24, null, 124).isPresent());
        assertTrue(rule.evaluate(24, null, 125).isEmpty());
        assertTrue(rule.evaluate(24, null, 114).isEmpty());
    }

    @Test
    void muacIsNotAppliedAt5MonthsNorAt60Months() {
        assertTrue(rule.evaluate(5, null, 120).isEmpty());
        assertTrue(rule.evaluate(60, null, 120).isEmpty());
        assertTrue(rule.evaluate(6, null, 120).isPresent());
        assertTrue(rule.evaluate(59, null, 120).isPresent());
    }

    @Test
    void adviceIsForTheOnlineConsult() {
        Finding f = rule.evaluate(24, null, 120).orElseThrow();
        assertTrue(f.advice().en.contains("re-measure"), f.advice().en);
    }
}
