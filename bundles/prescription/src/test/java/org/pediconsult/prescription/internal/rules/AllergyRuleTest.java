package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.ibuprofen;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;

import org.junit.jupiter.api.Test;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class AllergyRuleTest {
    private final AllergyRule rule = new AllergyRule();

    private CheckResult ibuprofenWith(String... allergies) {
        return rx().allergies(allergies).add(ibuprofen(), item(ibuprofen(), 100, Unit.MG, "Q8H", 3)).one(rule);
    }

    @Test
    void allergyToTheIngredientIsRefused() {
        CheckResult r = ibuprofenWith("ibuprofen");
        assertFalse(r.passed);
        assertEquals("ingredient ibuprofen, class nsaid", r.computed);
        assertEquals("Ibuprofen oral suspension: the child is allergic to its ingredient ibuprofen", r.message.en);
        assertEquals("布洛芬混悬液：患儿对成分 ibuprofen 过敏", r.message.zh);
    }

    @Test
    void allergyToTheDrugClassIsRefused() {
        CheckResult r = ibuprofenWith("penicillin", "nsaid");
        assertFalse(r.passed);
        assertEquals("not: nsaid, penicillin", r.limit);
        assertTrue(r.message.en.contains("drug class nsaid"), r.message.en);
    }

    @Test
    void recordedAllergiesAreComparedInLowerCase() {
        assertFalse(ibuprofenWith(" NSAID ").passed);
        assertFalse(ibuprofenWith("Ibuprofen").passed);
    }

    @Test
    void otherAllergiesOrNonePass() {
        assertTrue(ibuprofenWith("penicillin").passed);
        CheckResult none = ibuprofenWith();
        assertTrue(none.passed);
        assertEquals("no recorded allergy", none.limit);
        assertTrue(rx().allergies("nsaid").add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).one(rule).passed);
    }
}
