package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.ibuprofen;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class MgPerKgPerDayRuleTest {
    private final MgPerKgPerDayRule rule = new MgPerKgPerDayRule();

    @ParameterizedTest
    @CsvSource({"149.9, true, 59.96 mg/kg/day", "150, true, 60 mg/kg/day", "150.1, false, 60.04 mg/kg/day"})
    void paracetamolSixtyMgPerKgPerDayQidAtTenKg(double mg, boolean passed, String computed) {
        CheckResult r = rx().weight(10.0).add(paracetamol(), item(paracetamol(), mg, Unit.MG, "QID", 3)).one(rule);
        assertEquals(passed, r.passed);
        assertEquals("60 mg/kg/day", r.limit);
        assertEquals(computed, r.computed);
    }

    @Test
    void dosesPerDayComeFromTheFrequency() {
        // ibuprofen 40 mg/kg/day at 10 kg: 100 mg Q6H (4 a day) = 40, at the limit; 100 mg Q4H (6 a day) = 60, over.
        assertTrue(rx().weight(10.0).add(ibuprofen(), item(ibuprofen(), 100, Unit.MG, "Q6H", 3)).one(rule).passed);
        CheckResult r = rx().weight(10.0).add(ibuprofen(), item(ibuprofen(), 100, Unit.MG, "Q4H", 3)).one(rule);
        assertFalse(r.passed);
        assertEquals("60 mg/kg/day", r.computed);
        assertEquals("Ibuprofen oral suspension: 60 mg/kg per day (Q4H, 6 doses) is over the limit of 40 mg/kg per day", r.message.en);
        assertEquals("布洛芬混悬液：每日 60 mg/kg（Q4H，每日 6 次），超过上限 40 mg/kg", r.message.zh);
    }

    @Test
    void millilitresAreConvertedFirst() {
        // 5 mL x 20 mg/mL = 100 mg, QID at 10 kg = 40 mg/kg/day; 5.1 mL = 40.8.
        assertTrue(rx().weight(10.0).add(ibuprofen(), item(ibuprofen(), 5, Unit.ML, "QID", 3)).one(rule).passed);
        assertFalse(rx().weight(10.0).add(ibuprofen(), item(ibuprofen(), 5.1, Unit.ML, "QID", 3)).one(rule).passed);
    }

    @Test
    void noResultWithoutAWeight() {
        assertTrue(rx().weight(null, null).add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).check(rule).isEmpty());
    }
}
