package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.TODAY;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.ibuprofen;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class MinWeightRuleTest {
    private final MinWeightRule rule = new MinWeightRule();

    @ParameterizedTest
    @CsvSource({"4.99, false", "5, true", "5.01, true"})
    void ibuprofenFromFiveKg(double kg, boolean passed) {
        CheckResult r = rx().weight(kg).add(ibuprofen(), item(ibuprofen(), 40, Unit.MG, "Q8H", 3)).one(rule);
        assertEquals(passed, r.passed);
        assertEquals("5 kg", r.limit);
    }

    @Test
    void refusalMessage() {
        CheckResult r = rx().weight(4.99).add(ibuprofen(), item(ibuprofen(), 40, Unit.MG, "Q8H", 3)).one(rule);
        assertEquals("4.99 kg", r.computed);
        assertEquals("Ibuprofen oral suspension: weight 4.99 kg is under the minimum of 5 kg", r.message.en);
        assertEquals("布洛芬混悬液：体重 4.99 kg，低于最低体重 5 kg", r.message.zh);
    }

    @Test
    void noResultWithoutALimitOrWithAStaleWeight() {
        assertTrue(rx().add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).check(rule).isEmpty());
        assertTrue(rx().weight(4.0, TODAY.minusDays(31)).add(ibuprofen(), item(ibuprofen(), 40, Unit.MG, "Q8H", 3))
                .check(rule).isEmpty(), "weight-recorded refuses a stale weight; min-weight does not guess");
    }
}
