package org.pediconsult.specialty.growth.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.TriageLevel;

class ExtremeHeightRuleTest {
    private final ExtremeHeightRule rule = new ExtremeHeightRule();

    @Test
    void justBelowMinusThreeIsInPerson() {
        Finding f = rule.evaluate(-3.01).orElseThrow();
        assertEquals(TriageLevel.IN_PERSON, f.level());
        assertTrue(f.reason().en.contains("below -3"), f.reason().en);
    }

    @Test
    void justAboveMinusThreeIsNoFlag() {
        assertTrue(rule.evaluate(-2.99).isEmpty());
    }

    @Test
    void exactlyMinusThreeIsNoFlagBecauseTheCutOffIsBelowMinusThree() {
        assertTrue(rule.evaluate(-3.0).isEmpty());
    }

    @Test
    void justAbovePlusThreeIsInPerson() {
        Finding f = rule.evaluate(3.01).orElseThrow();
        assertEquals(TriageLevel.IN_PERSON, f.level());
        assertTrue(f.reason().en.contains("above +3"), f.reason().en);
    }

    @Test
    void justBelowPlusThreeIsNoFlag() {
        assertTrue(rule.evaluate(2.99).isEmpty());
    }
}
