package org.pediconsult.specialty.growth.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.TriageLevel;

class HeadCircumferenceRuleTest {
    private final HeadCircumferenceRule rule = new HeadCircumferenceRule();

    @Test
    void largeHeadAt23MonthsIsInPerson() {
        Finding f = rule.evaluate(3.01, 23).orElseThrow();
        assertEquals(TriageLevel.IN_PERSON, f.level());
        assertTrue(f.reason().en.contains("macrocephaly"), f.reason().en);
    }

    @Test
    void smallHeadAt23MonthsIsInPerson() {
        Finding f = rule.evaluate(-3.01, 23).orElseThrow();
        assertTrue(f.reason().en.contains("microcephaly"), f.reason().en);
    }

    @Test
    void sameHeadAt25MonthsIsOutsideTheRule() {
        assertTrue(rule.evaluate(3.01, 25).isEmpty());
        assertTrue(rule.evaluate(-3.01, 25).isEmpty());
    }

    @Test
    void at24CompletedMonthsTheChildIsNoLongerUnder24Months() {
        assertTrue(rule.evaluate(-3.5, 24).isEmpty());
    }

    @Test
    void withinThreeSdIsNoFlag() {
        assertTrue(rule.evaluate(2.99, 23).isEmpty());
        assertTrue(rule.evaluate(-2.99, 23).isEmpty());
        assertTrue(rule.evaluate(3.0, 10).isEmpty());
    }
}
