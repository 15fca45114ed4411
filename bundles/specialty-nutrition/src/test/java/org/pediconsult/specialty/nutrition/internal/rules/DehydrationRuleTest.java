package org.pediconsult.specialty.nutrition.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.TriageLevel;

class DehydrationRuleTest {
    private final DehydrationRule rule = new DehydrationRule();

    @Test
    void diarrhoeaWithDehydrationIsInPerson() {
        Finding f = rule.evaluate(true, 3).orElseThrow();
        assertEquals(TriageLevel.IN_PERSON, f.level());
        assertEquals("diarrhoea with signs of dehydration", f.reason().en);
    }

    @Test
    void dehydrationWithoutDiarrhoeaIsStillInPerson() {
        Finding f = rule.evaluate(true, 0).orElseThrow();
        assertEquals(TriageLevel.IN_PERSON, f.level());
        assertEquals("signs of dehydration", f.reason().en);
    }

    @Test
    void diarrhoeaWithoutDehydrationIsNoFlag() {
        assertTrue(rule.evaluate(false, 5).isEmpty());
        assertTrue(rule.evaluate(false, null).isEmpty());
    }
}
