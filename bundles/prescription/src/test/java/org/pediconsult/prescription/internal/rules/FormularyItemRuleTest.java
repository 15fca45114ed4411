package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.refusals;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class FormularyItemRuleTest {
    private final FormularyItemRule rule = new FormularyItemRule();

    @Test
    void completeItemInTheFormularyPasses() {
        CheckResult r = rx().add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).one(rule);
        assertTrue(r.passed);
        assertEquals(0, r.item);
        assertEquals("PARACETAMOL-SUSP", r.code);
        assertTrue(r.message.en.startsWith("Paracetamol oral suspension: "));
    }

    @Test
    void unknownCodeIsRefusedNamingTheCode() {
        PrescriptionItem unknown = item(null, 5, Unit.MG, "QD", 3);
        unknown.code = "AMOXICILLIN-SUSP";
        CheckResult r = rx().add(null, unknown).one(rule);
        assertFalse(r.passed);
        assertEquals("unknown code AMOXICILLIN-SUSP", r.computed);
        assertTrue(r.message.en.contains("AMOXICILLIN-SUSP") && r.message.en.contains("formulary"), r.message.en);
        assertTrue(r.message.zh.contains("AMOXICILLIN-SUSP") && r.message.zh.contains("处方集"), r.message.zh);
    }

    @Test
    void unknownCodeGetsOneResultFromAllChecks() {
        PrescriptionItem unknown = item(null, 5, Unit.MG, "QD", 30);
        List<CheckResult> all = rx().add(null, unknown).all();
        assertEquals(1, all.size(), RuleFixtures.describe(all));
        assertEquals("formulary-item", all.get(0).rule);
    }

    @ParameterizedTest
    @CsvSource({"dose, dose missing, 缺少剂量", "unit, unit missing, 缺少剂量单位", "frequency, frequency missing, 缺少频次",
            "duration, duration missing, 缺少疗程", "quantity, quantity missing, 缺少数量"})
    void missingFieldIsRefusedNamingIt(String field, String en, String zh) {
        PrescriptionItem item = item(paracetamol(), 150, Unit.MG, "QID", 3);
        switch (field) {
            case "dose": item.dose = null; break;
            case "unit": item.unit = null; break;
            case "frequency": item.frequency = " "; break;
            case "duration": item.durationDays = null; break;
            default: item.quantity = null; break;
        }
        RuleFixtures.Rx rx = rx().add(paracetamol(), item);
        CheckResult r = rx.one(rule);
        assertFalse(r.passed);
        assertEquals(en, r.computed);
        assertEquals("Paracetamol oral suspension: " + en, r.message.en);
        assertTrue(r.message.zh.startsWith("对乙酰氨基酚混悬液：" + zh), r.message.zh);
        List<CheckResult> refused = refusals(rx.all());
        assertEquals(1, refused.size(), "one bad item, one refusal:\n" + RuleFixtures.describe(refused));
    }

    @Test
    void everyMissingFieldIsNamedInOneResult() {
        PrescriptionItem item = new PrescriptionItem();
        item.code = "PARACETAMOL-SUSP";
        CheckResult r = rx().add(paracetamol(), item).one(rule);
        assertFalse(r.passed);
        assertEquals("dose missing; unit missing; frequency missing; duration missing; quantity missing", r.computed);
    }

    @Test
    void unknownFrequencyIsRefusedAndNothingElseComplains() {
        RuleFixtures.Rx rx = rx().add(paracetamol(), item(paracetamol(), 150, Unit.MG, "Q3H", 3));
        CheckResult r = rx.one(rule);
        assertFalse(r.passed);
        assertEquals("unknown frequency Q3H", r.computed);
        assertTrue(r.message.zh.contains("未知频次 Q3H"));
        assertEquals(1, refusals(rx.all()).size());
    }

    @Test
    void frequencyIsCaseInsensitive() {
        assertTrue(rx().add(paracetamol(), item(paracetamol(), 150, Unit.MG, "qid", 3)).one(rule).passed);
        assertTrue(rx().add(paracetamol(), item(paracetamol(), 150, Unit.MG, " q6h ", 3)).one(rule).passed);
    }

    @Test
    void zeroOrNegativeNumbersAreRefused() {
        PrescriptionItem zeroDose = item(paracetamol(), 0, Unit.MG, "QID", 3);
        assertEquals("dose must be above 0 (0)", rx().add(paracetamol(), zeroDose).one(rule).computed);
        PrescriptionItem zeroDays = item(paracetamol(), 150, Unit.MG, "QID", 0);
        assertEquals("duration must be above 0 days (0)", rx().add(paracetamol(), zeroDays).one(rule).computed);
        PrescriptionItem negativeQuantity = item(paracetamol(), 150, Unit.MG, "QID", 3);
        negativeQuantity.quantity = -1.0;
        assertEquals("quantity must be above 0 (-1)", rx().add(paracetamol(), negativeQuantity).one(rule).computed);
    }

    @Test
    void oneResultPerItemWithItsIndex() {
        PrescriptionItem unknown = item(null, 5, Unit.MG, "QD", 3);
        List<CheckResult> out = rx().add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).add(null, unknown).check(rule);
        assertEquals(2, out.size());
        assertEquals(0, out.get(0).item);
        assertTrue(out.get(0).passed);
        assertEquals(1, out.get(1).item);
        assertFalse(out.get(1).passed);
    }
}
