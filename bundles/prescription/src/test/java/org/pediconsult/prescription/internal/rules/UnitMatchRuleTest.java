package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.cetirizine;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.clobetasol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.refusals;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.topical;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.vitaminD;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.zincUnder6Months;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry.BodySite;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class UnitMatchRuleTest {
    private final UnitMatchRule rule = new UnitMatchRule();

    @Test
    void theEntrysUnitPasses() {
        CheckResult r = rx().add(cetirizine(), item(cetirizine(), 2.5, Unit.MG, "QD", 5)).one(rule);
        assertTrue(r.passed);
        assertEquals("2.5 mg", r.computed);
        assertEquals("mg or mL (10 mg/mL)", r.limit);
    }

    @Test
    void millilitresWithAConcentrationAreConvertedAndShown() {
        CheckResult r = rx().add(cetirizine(), item(cetirizine(), 0.25, Unit.ML, "QD", 5)).one(rule);
        assertTrue(r.passed);
        assertEquals("0.25 mL x 10 mg/mL = 2.5 mg", r.computed);
        assertTrue(r.message.en.contains("0.25 mL x 10 mg/mL = 2.5 mg"), r.message.en);
        assertEquals(2.5, UnitMatchRule.doseInEntryUnit(item(cetirizine(), 0.25, Unit.ML, "QD", 5), cetirizine()), 1e-12);
    }

    @Test
    void theConvertedValueIsWhatTheDoseRulesCheck() {
        // 32 mg/mL at 10 kg: 4.6875 mL = 150 mg = 15 mg/kg (at the limit); 5 mL = 160 mg = 16 mg/kg (over).
        CheckResult at = rx().weight(10.0).add(paracetamol(), item(paracetamol(), 4.6875, Unit.ML, "QID", 3))
                .one(new MgPerKgPerDoseRule());
        assertTrue(at.passed);
        assertEquals("15 mg/kg", at.computed);
        CheckResult over = rx().weight(10.0).add(paracetamol(), item(paracetamol(), 5, Unit.ML, "QID", 3))
                .one(new MgPerKgPerDoseRule());
        assertFalse(over.passed);
        assertEquals("16 mg/kg", over.computed);
        CheckResult cap = rx().weight(80.0).add(paracetamol(), item(paracetamol(), 31.5, Unit.ML, "QD", 3))
                .one(new MaxPerDoseRule());
        assertFalse(cap.passed, "31.5 mL x 32 mg/mL = 1008 mg is over 1000 mg");
        assertEquals("1008 mg", cap.computed);
    }

    @Test
    void milligramsAgainstMicrogramsAreRefusedNotConverted() {
        CheckResult r = rx().add(zincUnder6Months(), item(zincUnder6Months(), 10000, Unit.MICROGRAM, "QD", 10)).one(rule);
        assertFalse(r.passed);
        assertEquals("mg", r.limit);
        assertEquals("10000 microgram", r.computed);
        assertTrue(r.message.en.contains("not converted"), r.message.en);
        assertTrue(r.message.zh.contains("不自动换算"), r.message.zh);
        assertNull(UnitMatchRule.doseInEntryUnit(item(zincUnder6Months(), 10000, Unit.MICROGRAM, "QD", 10), zincUnder6Months()));
    }

    @Test
    void milligramsForAnIuEntryAreRefused() {
        assertFalse(rx().add(vitaminD(), item(vitaminD(), 0.01, Unit.MG, "QD", 7)).one(rule).passed);
    }

    @Test
    void millilitresWithoutAConcentrationAreRefused() {
        CheckResult r = rx().add(zincUnder6Months(), item(zincUnder6Months(), 1, Unit.ML, "QD", 10)).one(rule);
        assertFalse(r.passed);
        assertEquals("1 mL", r.computed);
    }

    @Test
    void gramsForAGramsTopicalPassButMilligramsAreRefused() {
        assertTrue(rx().add(clobetasol(), topical(clobetasol(), 2, "BID", 7, BodySite.TRUNK)).one(rule).passed);
        PrescriptionItem mg = topical(clobetasol(), 2000, "BID", 7, BodySite.TRUNK);
        mg.unit = Unit.MG;
        CheckResult r = rx().add(clobetasol(), mg).one(rule);
        assertFalse(r.passed);
        assertEquals("g", r.limit);
    }

    @Test
    void aRefusedUnitIsTheItemsOnlyRefusal() {
        RuleFixtures.Rx rx = rx().add(paracetamol(), item(paracetamol(), 150000, Unit.MICROGRAM, "QID", 3));
        List<CheckResult> refused = refusals(rx.all());
        assertEquals(1, refused.size(), RuleFixtures.describe(refused));
        assertEquals("unit-match", refused.get(0).rule);
    }
}
