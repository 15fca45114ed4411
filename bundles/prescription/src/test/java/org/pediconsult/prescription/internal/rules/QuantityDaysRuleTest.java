package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.vitaminD;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class QuantityDaysRuleTest {
    private final QuantityDaysRule rule = new QuantityDaysRule();

    private static RuleFixtures.Rx vitaminDFor(int days) {
        return rx().add(vitaminD(), item(vitaminD(), 400, Unit.IU, "QD", days));
    }

    @ParameterizedTest
    @CsvSource({"6, true", "7, true", "8, false"})
    void sevenDaysGenerally(int days, boolean passed) {
        CheckResult r = vitaminDFor(days).one(rule);
        assertEquals(passed, r.passed);
        assertEquals("7 days", r.limit);
        assertEquals(days + " days", r.computed);
    }

    @Test
    void overSevenDaysSaysAReasonIsNeeded() {
        CheckResult r = vitaminDFor(8).one(rule);
        assertEquals("Vitamin D3 drops: 8 days of treatment is over the limit of 7 days; "
                + "a longer course needs a chronic condition and a written reason", r.message.en);
        assertEquals("维生素D3滴剂：用量 8 天，超过处方上限 7 天；更长疗程仅限慢性病并须注明理由", r.message.zh);
    }

    @ParameterizedTest
    @CsvSource({"2, true", "3, true", "4, false"})
    void threeDaysInAnEmergency(int days, boolean passed) {
        CheckResult r = vitaminDFor(days).emergency().one(rule);
        assertEquals(passed, r.passed);
        assertEquals("3 days (emergency)", r.limit);
    }

    @Test
    void anEmergencyKeepsItsLimitEvenWithAChronicReason() {
        assertFalse(vitaminDFor(4).emergency().chronic("rickets prevention").one(rule).passed);
    }

    @ParameterizedTest
    @CsvSource({"29, true", "30, true", "31, false"})
    void thirtyDaysForAChronicConditionWithAReason(int days, boolean passed) {
        CheckResult r = vitaminDFor(days).chronic("rickets prevention, preterm").one(rule);
        assertEquals(passed, r.passed);
        assertEquals("30 days (chronic, with reason)", r.limit);
    }

    @Test
    void thirtyDaysWithoutAReasonIsRefused() {
        assertFalse(vitaminDFor(30).one(rule).passed);
        assertFalse(vitaminDFor(30).chronic("   ").one(rule).passed);
        assertFalse(vitaminDFor(30).chronic("").one(rule).passed);
    }

    @Test
    void configuredLimitsAreUsed() {
        RuleContext.Limits limits = new RuleContext.Limits(5, 2, 20, 30);
        assertTrue(vitaminDFor(5).limits(limits).one(rule).passed);
        assertFalse(vitaminDFor(6).limits(limits).one(rule).passed);
        assertFalse(vitaminDFor(3).limits(limits).emergency().one(rule).passed);
        assertTrue(vitaminDFor(20).limits(limits).chronic("reason").one(rule).passed);
        assertFalse(vitaminDFor(21).limits(limits).chronic("reason").one(rule).passed);
    }
}
