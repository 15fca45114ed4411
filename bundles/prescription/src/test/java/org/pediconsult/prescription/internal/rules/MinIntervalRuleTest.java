package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.cetirizine;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.ibuprofen;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class MinIntervalRuleTest {
    private final MinIntervalRule rule = new MinIntervalRule();

    @ParameterizedTest
    @CsvSource({"Q8H, true, 8 h (Q8H)", "Q6H, true, 6 h (Q6H)", "QID, true, 6 h (QID)", "Q4H, false, 4 h (Q4H)"})
    void ibuprofenAtLeastSixHours(String frequency, boolean passed, String computed) {
        CheckResult r = rx().add(ibuprofen(), item(ibuprofen(), 100, Unit.MG, frequency, 3)).one(rule);
        assertEquals(passed, r.passed);
        assertEquals("6 h", r.limit);
        assertEquals(computed, r.computed);
    }

    @Test
    void refusalMessage() {
        CheckResult r = rx().add(ibuprofen(), item(ibuprofen(), 100, Unit.MG, "Q4H", 3)).one(rule);
        assertEquals("Ibuprofen oral suspension: Q4H is every 4 h, shorter than the minimum interval of 6 h", r.message.en);
        assertEquals("布洛芬混悬液：Q4H 每 4 小时一次，短于最短间隔 6 小时", r.message.zh);
    }

    @Test
    void noResultWithoutALimit() {
        assertTrue(rx().add(cetirizine(), item(cetirizine(), 2.5, Unit.MG, "QD", 5)).check(rule).isEmpty());
    }
}
