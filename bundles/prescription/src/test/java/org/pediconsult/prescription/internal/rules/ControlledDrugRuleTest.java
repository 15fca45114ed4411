package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.controlled;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.refusals;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.ControlledClass;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class ControlledDrugRuleTest {
    private final ControlledDrugRule rule = new ControlledDrugRule();

    @Test
    void uncontrolledPasses() {
        FormularyEntry e = controlled(ControlledClass.NONE);
        CheckResult r = rx().add(e, item(e, 10, Unit.MG, "QD", 3)).one(rule);
        assertTrue(r.passed);
        assertEquals("NONE", r.computed);
    }

    @ParameterizedTest
    @EnumSource(value = ControlledClass.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyControlClassIsRefused(ControlledClass c) {
        FormularyEntry e = controlled(c);
        CheckResult r = rx().add(e, item(e, 10, Unit.MG, "QD", 3)).one(rule);
        assertFalse(r.passed);
        assertEquals(c.name(), r.computed);
        assertTrue(r.message.en.startsWith("Codeine syrup: ") && r.message.en.contains("never prescribed online"), r.message.en);
        assertTrue(r.message.zh.contains("不得在线开具"), r.message.zh);
    }

    @Test
    void controlledIsRefusedEvenWhenEverythingElsePasses() {
        FormularyEntry e = controlled(ControlledClass.NARCOTIC);
        List<CheckResult> all = rx().add(e, item(e, 10, Unit.MG, "QD", 3)).all();
        List<CheckResult> refused = refusals(all);
        assertEquals(1, refused.size(), RuleFixtures.describe(all));
        assertEquals("controlled-drug", refused.get(0).rule);
        assertTrue(all.size() > 1, "the other rules ran and passed");
        assertTrue(all.stream().anyMatch(r -> r.rule.equals("max-per-dose") && r.passed));
    }
}
