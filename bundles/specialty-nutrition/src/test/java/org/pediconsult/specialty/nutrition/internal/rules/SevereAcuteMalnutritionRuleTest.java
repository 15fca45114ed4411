package org.pediconsult.specialty.nutrition.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.TriageLevel;

class SevereAcuteMalnutritionRuleTest {
    private final SevereAcuteMalnutritionRule rule = new SevereAcuteMalnutritionRule();

    private Finding uncomplicated(int months, Double whz, Integer muac) {
        return rule.evaluate(months, whz, muac, false, false, false).orElseThrow();
    }

    @Test
    void whzJustBelowMinusThreeIsSamInPerson() {
        Finding f = uncomplicated(24, -3.01, null);
        assertEquals(TriageLevel.IN_PERSON, f.level());
        assertTrue(f.reason().en.startsWith("severe acute malnutrition (weight-for-length/height below -3 SD"), f.reason().en);
    }

    @Test
    void whzJustAboveMinusThreeIsNotSam() {
        assertTrue(rule.evaluate(24, -2.99, null, false, false, false).isEmpty());
    }

    @Test
    void whzOfExactlyMinusThreeIsNotSam() {
        assertTrue(rule.evaluate(24, -3.0, null, false, false, false).isEmpty());
    }

    @Test
    void whzIsNotUsedFromFiveYears() {
        assertTrue(rule.evaluate(60, -3.5, null, false, false, false).isEmpty());
        assertTrue(rule.evaluate(59, -3.5, null, false, false, false).isPresent());
    }

    @Test
    void whzCountsInInfantsUnderSixMonths() {
        assertEquals(TriageLevel.IN_PERSON, uncomplicated(3, -3.2, null).level());
    }

    @Test
    void muac114mmAt6To59MonthsIsSam() {
        assertTrue(uncomplicated(6, null, 114).reason().en.contains("MUAC below 115 mm"));
        assertEquals(TriageLevel.IN_PERSON, uncomplicated(59, null, 114).level());
    }

    @Test
    void muac115mmIsNotSam() {
        assertTrue(rule.evaluate(24, null, 115, false, false, false).isEmpty());
    }

    @Test
    void muacIsNotAppliedAt5MonthsNorAt60Months() {
        assertTrue(rule.evaluate(5, null, 100, false, false, false).isEmpty());
        assertTrue(rule.evaluate(60, null, 100, false, false, false).isEmpty());
    }

    @Test
    void bilateralOedemaAloneIsComplicatedSamAtAnyAge() {
        Finding f = rule.evaluate(72, null, null, true, false, false).orElseThrow();
        assertEquals(TriageLevel.EMERGENCY, f.level());
        assertTrue(f.reason().en.contains("bilateral pitting oedema"), f.reason().en);
    }

    @Test
    void failedAppetiteTestMakesSamAnEmergency() {
        Finding f = rule.evaluate(24, -3.5, null, false, true, false).orElseThrow();
        assertEquals(TriageLevel.EMERGENCY, f.level());
        assertTrue(f.reason().en.startsWith("complicated severe acute malnutrition"), f.reason().en);
        assertTrue(f.reason().en.contains("appetite test failed"), f.reason().en);
    }

    @Test
    void dehydrationMakesSamAnEmergency() {
        assertEquals(TriageLevel.EMERGENCY, rule.evaluate(24, null, 110, false, false, true).orElseThrow().level());
    }

    @Test
    void complicationsWithoutSamAreNotSam() {
        assertTrue(rule.evaluate(24, -1.0, 140, false, true, true).isEmpty());
    }
}
