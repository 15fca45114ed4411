package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.TODAY;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.clobetasol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.ibuprofen;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.topical;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.vitaminD;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.BodySite;
import org.pediconsult.specialty.api.FormularyEntry.Unit;
import org.pediconsult.specialty.api.LocalizedText;

class MinAgeRuleTest {
    private final MinAgeRule rule = new MinAgeRule();

    @ParameterizedTest
    @CsvSource({"89, false", "90, true", "91, true"})
    void ibuprofenFromNinetyDays(int ageDays, boolean passed) {
        CheckResult r = rx().weight(5.5).born(TODAY.minusDays(ageDays)).add(ibuprofen(), item(ibuprofen(), 50, Unit.MG, "Q8H", 3)).one(rule);
        assertEquals(passed, r.passed);
        assertEquals("90 days", r.limit);
        assertEquals(ageDays + " days", r.computed);
    }

    @Test
    void refusalMessage() {
        CheckResult r = rx().weight(5.5).born(TODAY.minusDays(89)).add(ibuprofen(), item(ibuprofen(), 50, Unit.MG, "Q8H", 3)).one(rule);
        assertEquals("Ibuprofen oral suspension: age 89 days is under the minimum age of 90 days", r.message.en);
        assertEquals("布洛芬混悬液：年龄 89 天，低于最小年龄 90 天", r.message.zh);
    }

    @Test
    void clobetasolFromTwelveYearsInFullMonths() {
        LocalDate twelfthBirthday = TODAY.minusYears(12);
        CheckResult dayBefore = ageCheck(twelfthBirthday.plusDays(1));
        assertFalse(dayBefore.passed);
        assertEquals("143 months", dayBefore.computed);
        assertEquals("144 months", dayBefore.limit);
        assertTrue(ageCheck(twelfthBirthday).passed);
        assertTrue(ageCheck(twelfthBirthday.minusDays(1)).passed);
    }

    private CheckResult ageCheck(LocalDate born) {
        return rx().born(born).add(clobetasol(), topical(clobetasol(), 2, "BID", 7, BodySite.TRUNK)).one(rule);
    }

    @Test
    void monthsAndDaysMustBothBeMet() {
        FormularyEntry e = FormularyEntry.builder("X", LocalizedText.of("某药", "Some drug"), "tablet").minAgeMonths(3).minAgeDays(100).build();
        // born 15 March, checked 15 June: 3 full months but only 92 days.
        CheckResult r = rx().born(TODAY.minusMonths(3)).add(e, item(e, 1, Unit.MG, "QD", 3)).one(rule);
        assertFalse(r.passed);
        assertEquals("3 months and 100 days", r.limit);
        assertEquals("3 months, 92 days", r.computed);
    }

    @Test
    void unknownBirthDateIsRefused() {
        CheckResult r = rx().born(null).weight(6.0).add(ibuprofen(), item(ibuprofen(), 50, Unit.MG, "Q8H", 3)).one(rule);
        assertFalse(r.passed);
        assertEquals("birth date unknown", r.computed);
    }

    @Test
    void noResultWithoutAMinimumAge() {
        assertTrue(rx().born(TODAY.minusDays(2)).add(vitaminD(), item(vitaminD(), 400, Unit.IU, "QD", 7)).check(rule).isEmpty());
    }
}
