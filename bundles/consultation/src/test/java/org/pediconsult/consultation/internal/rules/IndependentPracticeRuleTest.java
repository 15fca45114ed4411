package org.pediconsult.consultation.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IndependentPracticeRuleTest {

    private final IndependentPracticeRule rule = new IndependentPracticeRule();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void minimumIsThreeFullYears() {
        assertEquals(3, IndependentPracticeRule.MIN_FULL_YEARS);
    }

    @Test
    void twoYears364DaysIsRefusedWithTheFactsInBothLanguages() {
        RuleDecision d = rule.check(d("2023-11-26"), d("2026-11-25"));
        assertFalse(d.allowed());
        assertEquals("independent-practice-3-years", d.rule());
        assertEquals("independent practice since 2023-11-26 is 2 years 11 months 30 days on 2026-11-25;"
                + " the pilot requires at least 3 full years", d.reasonEn());
        assertEquals("独立执业自2023-11-26起，至2026-11-25为2年11个月30天；试点要求至少满3年", d.reasonZh());
    }

    @Test
    void exactlyThreeYearsIsAllowed() {
        RuleDecision d = rule.check(d("2023-11-26"), d("2026-11-26"));
        assertTrue(d.allowed());
        assertNull(d.rule());
        assertNull(d.reasonEn());
        assertNull(d.reasonZh());
    }

    @Test
    void moreThanThreeYearsIsAllowed() {
        assertTrue(rule.check(d("2010-01-01"), d("2026-11-25")).allowed());
    }

    @Test
    void leapDayStartCompletesTheThirdYearOnlyOnFirstOfMarch() {
        RuleDecision onFeb28 = rule.check(d("2024-02-29"), d("2027-02-28"));
        assertFalse(onFeb28.allowed());
        assertEquals("independent-practice-3-years", onFeb28.rule());
        assertTrue(onFeb28.reasonEn().contains("2 years 11 months 30 days"), onFeb28.reasonEn());
        assertTrue(rule.check(d("2024-02-29"), d("2027-03-01")).allowed());
    }

    @Test
    void singularUnitsAreWrittenCorrectly() {
        RuleDecision d = rule.check(d("2025-10-24"), d("2026-11-25"));
        assertTrue(d.reasonEn().contains(" is 1 year 1 month 1 day on "), d.reasonEn());
        assertTrue(d.reasonZh().contains("为1年1个月1天"), d.reasonZh());
    }

    @Test
    void practiceStartingOnTheConsultDayIsRefused() {
        RuleDecision d = rule.check(d("2026-11-25"), d("2026-11-25"));
        assertFalse(d.allowed());
        assertTrue(d.reasonEn().contains("0 years 0 months 0 days"), d.reasonEn());
    }

    @Test
    void unknownPracticeStartIsRefused() {
        RuleDecision d = rule.check(null, d("2026-11-25"));
        assertFalse(d.allowed());
        assertEquals("independent-practice-3-years", d.rule());
        assertTrue(d.reasonEn().contains("no independent practice start date"), d.reasonEn());
        assertTrue(d.reasonZh().contains("未登记独立执业起始日期"), d.reasonZh());
    }

    @Test
    void practiceStartAfterTheConsultDayIsRefused() {
        RuleDecision d = rule.check(d("2026-11-26"), d("2026-11-25"));
        assertFalse(d.allowed());
        assertEquals("independent-practice-3-years", d.rule());
        assertTrue(d.reasonEn().contains("2026-11-26") && d.reasonEn().contains("after the consult day 2026-11-25"),
                d.reasonEn());
    }

    @Test
    void consultDayIsRequired() {
        assertThrows(NullPointerException.class, () -> rule.check(d("2020-01-01"), null));
    }
}
