package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.cetirizine;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.ors;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class MaxPerDayRuleTest {
    private final MaxPerDayRule rule = new MaxPerDayRule();

    @ParameterizedTest
    @CsvSource({"999.9, true, 3999.6 mg/day", "1000, true, 4000 mg/day", "1000.1, false, 4000.4 mg/day"})
    void paracetamolFourGramsPerDayQid(double mg, boolean passed, String computed) {
        // at 80 kg the per-kg limit (60 mg/kg/day = 4800 mg) would allow more; the absolute cap does not.
        CheckResult r = rx().weight(80.0).add(paracetamol(), item(paracetamol(), mg, Unit.MG, "QID", 3)).one(rule);
        assertEquals(passed, r.passed);
        assertEquals("4000 mg/day", r.limit);
        assertEquals(computed, r.computed);
    }

    @Test
    void refusalShowsTheArithmetic() {
        CheckResult r = rx().weight(80.0).add(paracetamol(), item(paracetamol(), 1000.1, Unit.MG, "QID", 3)).one(rule);
        assertEquals("Paracetamol oral suspension: 4000.4 mg per day (1000.1 mg x 4) is over the absolute limit of 4000 mg per day",
                r.message.en);
        assertEquals("对乙酰氨基酚混悬液：每日 4000.4 mg（1000.1 mg x 4），超过每日最大量 4000 mg", r.message.zh);
    }

    @Test
    void cetirizineFiveMgPerDay() {
        // BID: 2.5 mg x 2 = 5 at the limit; 0.26 mL x 10 mg/mL x 2 = 5.2 over; 2.4 mg x 2 = 4.8 under.
        assertTrue(rx().add(cetirizine(), item(cetirizine(), 2.4, Unit.MG, "BID", 5)).one(rule).passed);
        assertTrue(rx().add(cetirizine(), item(cetirizine(), 2.5, Unit.MG, "BID", 5)).one(rule).passed);
        CheckResult over = rx().add(cetirizine(), item(cetirizine(), 0.26, Unit.ML, "BID", 5)).one(rule);
        assertFalse(over.passed);
        assertEquals("5.2 mg/day", over.computed);
    }

    @Test
    void noResultWithoutACap() {
        assertTrue(rx().weight(12.0).add(ors(), item(ors(), 900, Unit.ML, "QD", 1)).check(rule).isEmpty());
    }
}
