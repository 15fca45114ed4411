package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.TODAY;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.zincUnder6Months;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class MaxAgeRuleTest {
    private final MaxAgeRule rule = new MaxAgeRule();

    private CheckResult zincAt(LocalDate born) {
        return rx().born(born).add(zincUnder6Months(), item(zincUnder6Months(), 10, Unit.MG, "QD", 10)).one(rule);
    }

    @Test
    void zincOnlyUnderSixMonths() {
        LocalDate sixMonthsAgo = TODAY.minusMonths(6);
        CheckResult under = zincAt(sixMonthsAgo.plusDays(1));
        assertTrue(under.passed);
        assertEquals("5 months", under.computed);
        assertEquals("under 6 months", under.limit);
        CheckResult at = zincAt(sixMonthsAgo);
        assertFalse(at.passed, "the maximum age is exclusive");
        assertEquals("6 months", at.computed);
        assertFalse(zincAt(TODAY.minusMonths(7)).passed);
    }

    @Test
    void refusalMessage() {
        CheckResult r = zincAt(TODAY.minusMonths(6));
        assertEquals("Zinc (under 6 months): age 6 months; only for children under 6 months", r.message.en);
        assertEquals("锌（6月龄以下）：年龄 6 个月，仅限 6 个月以下儿童", r.message.zh);
    }

    @Test
    void unknownBirthDateIsRefused() {
        assertFalse(zincAt(null).passed);
    }

    @Test
    void noResultWithoutAMaximumAge() {
        assertTrue(rx().add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3)).check(rule).isEmpty());
    }
}
