package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.TODAY;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.clobetasol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.mometasone;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.topical;

import org.junit.jupiter.api.Test;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry.BodySite;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class TopicalGramsPerWeekRuleTest {
    private final TopicalGramsPerWeekRule rule = new TopicalGramsPerWeekRule();

    private CheckResult clobetasolTeen(double grams, String frequency) {
        return rx().born(TODAY.minusYears(13)).add(clobetasol(), topical(clobetasol(), grams, frequency, 7, BodySite.TRUNK)).one(rule);
    }

    @Test
    void clobetasolFiftyGramsPerWeek() {
        CheckResult under = clobetasolTeen(3.5, "BID");
        assertTrue(under.passed);
        assertEquals("49 g/week", under.computed);
        assertEquals("50 g/week", under.limit);
        CheckResult at = clobetasolTeen(50.0 / 14, "BID");
        assertTrue(at.passed, "50 g a week is at the limit");
        assertEquals("50 g/week", at.computed);
        CheckResult over = clobetasolTeen(3.6, "BID");
        assertFalse(over.passed);
        assertEquals("50.4 g/week", over.computed);
    }

    @Test
    void refusalShowsTheArithmetic() {
        CheckResult r = clobetasolTeen(3.6, "BID");
        assertEquals("Clobetasol propionate cream 0.05%: 50.4 g per week (3.6 g x 2 a day x 7 days) is over the limit of 50 g per week",
                r.message.en);
        assertEquals("丙酸氯倍他索乳膏：每周 50.4 g（3.6 g × 每日 2 次 × 7 天），超过每周上限 50 g", r.message.zh);
    }

    @Test
    void onceADay() {
        assertTrue(clobetasolTeen(50.0 / 7, "QD").passed);
        assertFalse(clobetasolTeen(7.2, "QD").passed);
    }

    @Test
    void aDoseInMilligramsIsLeftToUnitMatch() {
        PrescriptionItem mg = topical(clobetasol(), 3600, "BID", 7, BodySite.TRUNK);
        mg.unit = Unit.MG;
        assertTrue(rx().add(clobetasol(), mg).check(rule).isEmpty());
    }

    @Test
    void noResultWithoutALimit() {
        assertTrue(rx().add(mometasone(), topical(mometasone(), 10, "BID", 7, BodySite.TRUNK)).check(rule).isEmpty());
    }
}
