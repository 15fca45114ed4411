package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.ors;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.vitaminD;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class MaxPerDoseRuleTest {
    private final MaxPerDoseRule rule = new MaxPerDoseRule();

    @ParameterizedTest
    @CsvSource({"999.9, true", "1000, true", "1000.1, false"})
    void paracetamolOneGramPerDose(double mg, boolean passed) {
        CheckResult r = rx().weight(80.0).add(paracetamol(), item(paracetamol(), mg, Unit.MG, "QID", 3)).one(rule);
        assertEquals(passed, r.passed);
        assertEquals("1000 mg", r.limit);
    }

    @Test
    void aHeavyChildsWeightBasedDoseNeverExceedsTheAdultCap() {
        // 70 kg x 15 mg/kg = 1050 mg passes mg/kg, but the cap is 1 g.
        RuleFixtures.Rx rx = rx().weight(70.0).add(paracetamol(), item(paracetamol(), 1050, Unit.MG, "QID", 3));
        assertTrue(rx.one(new MgPerKgPerDoseRule()).passed);
        CheckResult r = rx.one(rule);
        assertFalse(r.passed);
        assertEquals("1050 mg", r.computed);
        assertEquals("Paracetamol oral suspension: 1050 mg per dose is over the absolute limit of 1000 mg", r.message.en);
        assertEquals("对乙酰氨基酚混悬液：每次 1050 mg，超过单次最大量 1000 mg", r.message.zh);
    }

    @Test
    void iuEntry() {
        assertTrue(rx().add(vitaminD(), item(vitaminD(), 1000, Unit.IU, "QD", 7)).one(rule).passed);
        CheckResult r = rx().add(vitaminD(), item(vitaminD(), 1001, Unit.IU, "QD", 7)).one(rule);
        assertFalse(r.passed);
        assertEquals("1001 IU", r.computed);
    }

    @Test
    void noResultWithoutACap() {
        assertTrue(rx().weight(12.0).add(ors(), item(ors(), 900, Unit.ML, "QD", 1)).check(rule).isEmpty());
    }
}
