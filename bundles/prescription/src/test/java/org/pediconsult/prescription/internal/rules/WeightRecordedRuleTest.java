package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.TODAY;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.refusals;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.vitaminD;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.Unit;
import org.pediconsult.specialty.api.LocalizedText;

class WeightRecordedRuleTest {
    private final WeightRecordedRule rule = new WeightRecordedRule();

    private static RuleFixtures.Rx paracetamolWeighed(int daysAgo) {
        return rx().weight(10.0, TODAY.minusDays(daysAgo)).add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3));
    }

    @ParameterizedTest
    @CsvSource({"0, true", "29, true", "30, true", "31, false"})
    void weightAgeEdgeIsThirtyDays(int daysAgo, boolean passed) {
        CheckResult r = paracetamolWeighed(daysAgo).one(rule);
        assertEquals(passed, r.passed, r.message.en);
        assertEquals("weight measured within 30 days", r.limit);
        assertEquals("10 kg, " + daysAgo + " days old", r.computed);
    }

    @Test
    void staleWeightMessageNamesTheNumbers() {
        CheckResult r = paracetamolWeighed(31).one(rule);
        assertEquals("Paracetamol oral suspension: weight 10 kg was measured 31 days ago, more than 30 days; weigh the child again",
                r.message.en);
        assertEquals("对乙酰氨基酚混悬液：体重 10 kg 测于 31 天前，超过 30 天；请重新测量", r.message.zh);
    }

    @Test
    void configuredAgeIsUsed() {
        RuleContext.Limits limits = new RuleContext.Limits(7, 3, 30, 14);
        assertTrue(paracetamolWeighed(14).limits(limits).one(rule).passed);
        assertFalse(paracetamolWeighed(15).limits(limits).one(rule).passed);
    }

    @Test
    void missingWeightIsRefused() {
        CheckResult r = rx().weight(null, null).add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).one(rule);
        assertFalse(r.passed);
        assertEquals("no weight recorded", r.computed);
    }

    @Test
    void weightDatedAfterTodayIsRefused() {
        assertFalse(paracetamolWeighed(-1).one(rule).passed);
    }

    @Test
    void entryWithoutWeightLimitsNeedsNoWeight() {
        assertTrue(rx().weight(null, null).add(vitaminD(), item(vitaminD(), 400, Unit.IU, "QD", 7)).check(rule).isEmpty());
    }

    @Test
    void minimumWeightAloneMakesAnEntryWeightBased() {
        FormularyEntry e = FormularyEntry.builder("X", LocalizedText.of("某药", "Some drug"), "tablet").minWeightKg(5.0).build();
        assertTrue(WeightRecordedRule.weightBased(e));
        assertFalse(rx().weight(null, null).add(e, item(e, 1, Unit.MG, "QD", 3)).one(rule).passed);
    }

    @Test
    void staleWeightIsNotUsedByTheDoseRules() {
        RuleFixtures.Rx rx = paracetamolWeighed(31);
        assertNull(WeightRecordedRule.usableWeightKg(rx.context()));
        assertTrue(rx.check(new MgPerKgPerDoseRule()).isEmpty());
        List<CheckResult> refused = refusals(rx.all());
        assertEquals(1, refused.size(), RuleFixtures.describe(refused));
        assertEquals("weight-recorded", refused.get(0).rule);
    }
}
