package org.pediconsult.specialty.growth.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.TriageLevel;

class DevelopmentalRegressionRuleTest {
    private final DevelopmentalRegressionRule rule = new DevelopmentalRegressionRule();
    private final SeizuresReportedRule seizures = new SeizuresReportedRule();

    @Test
    void regressionAloneIsInPerson() {
        assertEquals(TriageLevel.IN_PERSON, rule.evaluate(true, false).orElseThrow().level());
    }

    @Test
    void regressionWithSeizuresIsEmergency() {
        assertEquals(TriageLevel.EMERGENCY, rule.evaluate(true, true).orElseThrow().level());
        assertTrue(seizures.evaluate(true, true).isEmpty(), "the regression rule already covers seizures with regression");
    }

    @Test
    void noRegressionNoFlag() {
        assertTrue(rule.evaluate(false, true).isEmpty());
        assertTrue(rule.evaluate(false, false).isEmpty());
    }

    @Test
    void seizuresWithoutRegressionAreInPerson() {
        assertEquals(TriageLevel.IN_PERSON, seizures.evaluate(true, false).orElseThrow().level());
        assertTrue(seizures.evaluate(false, false).isEmpty());
    }
}
