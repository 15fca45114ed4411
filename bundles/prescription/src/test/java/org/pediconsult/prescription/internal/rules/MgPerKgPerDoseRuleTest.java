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

class MgPerKgPerDoseRuleTest {
    private final MgPerKgPerDoseRule rule = new MgPerKgPerDoseRule();

    @ParameterizedTest
    @CsvSource({"149.9, true, 14.99 mg/kg", "150, true, 15 mg/kg", "150.1, false, 15.01 mg/kg"})
    void paracetamolFifteenMgPerKgAtTenKg(double mg, boolean passed, String computed) {
        CheckResult r = rx().weight(10.0).add(paracetamol(), item(paracetamol(), mg, Unit.MG, "QID", 3)).one(rule);
        assertEquals(passed, r.passed);
        assertEquals("15 mg/kg", r.limit);
        assertEquals(computed, r.computed);
    }

    @Test
    void refusalNamesDrugValueAndLimitInBothLanguages() {
        CheckResult r = rx().weight(10.0).add(paracetamol(), item(paracetamol(), 162, Unit.MG, "QID", 3)).one(rule);
        assertFalse(r.passed);
        assertEquals(0, r.item);
        assertEquals("PARACETAMOL-SUSP", r.code);
        assertEquals("mg-per-kg-per-dose", r.rule);
        assertEquals("Paracetamol oral suspension: 16.2 mg/kg per dose is over the limit of 15 mg/kg", r.message.en);
        assertEquals("对乙酰氨基酚混悬液：每次 16.2 mg/kg，超过上限 15 mg/kg", r.message.zh);
    }

    @Test
    void passingResultHasAShortMessage() {
        CheckResult r = rx().weight(10.0).add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).one(rule);
        assertEquals("Paracetamol oral suspension: 15 mg/kg per dose is within the limit of 15 mg/kg", r.message.en);
    }

    @Test
    void millilitresPerKgForAMillilitreEntry() {
        // ORS 75 mL/kg at 12 kg: 900 mL at the limit, 901 over.
        assertTrue(rx().weight(12.0).add(ors(), item(ors(), 900, Unit.ML, "QD", 1)).one(rule).passed);
        CheckResult over = rx().weight(12.0).add(ors(), item(ors(), 901, Unit.ML, "QD", 1)).one(rule);
        assertFalse(over.passed);
        assertEquals("75 mL/kg", over.limit);
        assertEquals("75.083 mL/kg", over.computed);
    }

    @Test
    void noResultWithoutAPerKgLimitOrWithoutAWeight() {
        assertTrue(rx().add(vitaminD(), item(vitaminD(), 400, Unit.IU, "QD", 7)).check(rule).isEmpty());
        assertTrue(rx().weight(null, null).add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).check(rule).isEmpty());
    }
}
