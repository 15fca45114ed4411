package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class DosesPerDayRuleTest {
    private final DosesPerDayRule rule = new DosesPerDayRule();

    @ParameterizedTest
    @CsvSource({"TID, true, 3 doses/day (TID)", "QID, true, 4 doses/day (QID)", "Q6H, true, 4 doses/day (Q6H)",
            "Q4H, false, 6 doses/day (Q4H)"})
    void paracetamolAtMostFourDoses(String frequency, boolean passed, String computed) {
        CheckResult r = rx().weight(10.0).add(paracetamol(), item(paracetamol(), 100, Unit.MG, frequency, 3)).one(rule);
        assertEquals(passed, r.passed);
        assertEquals("4 doses/day", r.limit);
        assertEquals(computed, r.computed);
    }

    @ParameterizedTest
    @CsvSource({"QD, true", "BID, true", "Q12H, true", "TID, false"})
    void cetirizineAtMostTwoDoses(String frequency, boolean passed) {
        assertEquals(passed, rx().add(cetirizine(), item(cetirizine(), 1, Unit.MG, frequency, 5)).one(rule).passed);
    }

    @Test
    void refusalMessage() {
        CheckResult r = rx().add(cetirizine(), item(cetirizine(), 1, Unit.MG, "TID", 5)).one(rule);
        assertEquals("Cetirizine drops: TID gives 3 doses a day, over the limit of 2", r.message.en);
        assertEquals("西替利嗪滴剂：TID 每日 3 次，超过上限 2 次", r.message.zh);
    }

    @Test
    void noResultWithoutALimit() {
        assertTrue(rx().weight(12.0).add(ors(), item(ors(), 100, Unit.ML, "Q4H", 1)).check(rule).isEmpty());
    }
}
