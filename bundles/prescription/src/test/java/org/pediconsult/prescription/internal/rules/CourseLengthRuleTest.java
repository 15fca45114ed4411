package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.TODAY;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.vitaminD;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.zincUnder6Months;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class CourseLengthRuleTest {
    private final CourseLengthRule rule = new CourseLengthRule();

    @ParameterizedTest
    @CsvSource({"2, true", "3, true", "4, false"})
    void paracetamolAtMostThreeDays(int days, boolean passed) {
        CheckResult r = rx().add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", days)).one(rule);
        assertEquals(passed, r.passed);
        assertEquals("3 days", r.limit);
        assertEquals(days + " days", r.computed);
    }

    @ParameterizedTest
    @CsvSource({"13, true", "14, true", "15, false"})
    void zincAtMostFourteenDaysWhateverTheQuantityRule(int days, boolean passed) {
        CheckResult r = rx().born(TODAY.minusMonths(3)).chronic("persistent diarrhoea")
                .add(zincUnder6Months(), item(zincUnder6Months(), 10, Unit.MG, "QD", days)).one(rule);
        assertEquals(passed, r.passed);
    }

    @Test
    void refusalMessage() {
        CheckResult r = rx().add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 4)).one(rule);
        assertEquals("Paracetamol oral suspension: 4 days of treatment is over the label's longest course of 3 days", r.message.en);
        assertEquals("对乙酰氨基酚混悬液：疗程 4 天，超过说明书最长疗程 3 天", r.message.zh);
    }

    @Test
    void noResultWithoutALimit() {
        assertTrue(rx().add(vitaminD(), item(vitaminD(), 400, Unit.IU, "QD", 7)).check(rule).isEmpty());
    }
}
