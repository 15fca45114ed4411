package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.ibuprofen;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamolTablets;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class DuplicateIngredientRuleTest {
    private final DuplicateIngredientRule rule = new DuplicateIngredientRule();

    @Test
    void sameIngredientTwiceInOnePrescriptionRefusesTheLaterItem() {
        List<CheckResult> out = rx()
                .add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3))
                .add(ibuprofen(), item(ibuprofen(), 100, Unit.MG, "Q8H", 3))
                .add(paracetamolTablets(), item(paracetamolTablets(), 250, Unit.MG, "QID", 3))
                .check(rule);
        assertEquals(3, out.size());
        assertTrue(out.get(0).passed);
        assertTrue(out.get(1).passed);
        CheckResult dup = out.get(2);
        assertFalse(dup.passed);
        assertEquals(2, dup.item);
        assertEquals("PARACETAMOL-TAB", dup.code);
        assertEquals("paracetamol also in item 1", dup.computed);
        assertEquals("Paracetamol tablets: ingredient paracetamol is also in item 1 (Paracetamol oral suspension)", dup.message.en);
        assertEquals("对乙酰氨基酚片：成分 paracetamol 与第 1 项（对乙酰氨基酚混悬液）重复", dup.message.zh);
    }

    @Test
    void ingredientOfAnActivePrescriptionIsRefused() {
        CheckResult r = rx().active("Paracetamol").add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).one(rule);
        assertFalse(r.passed);
        assertEquals("paracetamol in an active prescription", r.computed);
        assertTrue(r.message.zh.contains("另一张有效处方"), r.message.zh);
    }

    @Test
    void differentIngredientsPass() {
        List<CheckResult> out = rx().active("cetirizine")
                .add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3))
                .add(ibuprofen(), item(ibuprofen(), 100, Unit.MG, "Q8H", 3))
                .check(rule);
        assertEquals(2, out.size());
        assertTrue(out.stream().allMatch(r -> r.passed));
    }
}
