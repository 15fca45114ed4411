package org.pediconsult.prescription.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.TODAY;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.clobetasol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.describe;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.ibuprofen;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.item;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.paracetamol;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.refusals;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.rx;
import static org.pediconsult.prescription.internal.rules.RuleFixtures.topical;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry.BodySite;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

class PrescriptionChecksTest {

    @Test
    void allRulesHaveUniqueKebabCaseNames() {
        List<String> names = PrescriptionChecks.all().stream().map(PrescriptionRule::name).collect(Collectors.toList());
        assertEquals(List.of("formulary-item", "controlled-drug", "allergy", "duplicate-ingredient", "unit-match",
                "weight-recorded", "min-age", "max-age", "min-weight", "mg-per-kg-per-dose", "mg-per-kg-per-day",
                "max-per-dose", "max-per-day", "doses-per-day", "min-interval", "course-length", "quantity-days",
                "topical-grams-per-week", "body-site"), names);
        assertEquals(names.size(), new HashSet<>(names).size());
        assertTrue(names.stream().allMatch(n -> n.matches("[a-z]+(-[a-z]+)*")));
    }

    @Test
    void aGoodPrescriptionPassesEveryApplicableRuleWithMessages() {
        // 10 kg, weighed 30 days ago; paracetamol 4.6875 mL (150 mg) QID for 3 days; ibuprofen 5 mL (100 mg) Q8H for 3 days.
        List<CheckResult> results = rx().weight(10.0, TODAY.minusDays(30)).born(TODAY.minusYears(2))
                .add(paracetamol(), item(paracetamol(), 4.6875, Unit.ML, "QID", 3))
                .add(ibuprofen(), item(ibuprofen(), 5, Unit.ML, "Q8H", 3))
                .all();
        assertTrue(PrescriptionChecks.passed(results), describe(results));
        Set<String> paracetamolRules = results.stream().filter(r -> r.item == 0).map(r -> r.rule).collect(Collectors.toSet());
        assertEquals(Set.of("formulary-item", "controlled-drug", "allergy", "duplicate-ingredient", "unit-match", "weight-recorded",
                "mg-per-kg-per-dose", "mg-per-kg-per-day", "max-per-dose", "max-per-day", "doses-per-day", "min-interval",
                "course-length", "quantity-days"), paracetamolRules);
        for (CheckResult r : results) {
            String en = r.item == 0 ? "Paracetamol oral suspension: " : "Ibuprofen oral suspension: ";
            String zh = r.item == 0 ? "对乙酰氨基酚混悬液：" : "布洛芬混悬液：";
            assertTrue(r.message.en.startsWith(en) && r.message.en.length() > en.length(), r.message.en);
            assertTrue(r.message.zh.startsWith(zh) && r.message.zh.length() > zh.length(), r.message.zh);
            assertFalse(r.limit == null || r.limit.isBlank(), r.rule);
            assertFalse(r.computed == null || r.computed.isBlank(), r.rule);
        }
    }

    @Test
    void resultsAreGroupedByItem() {
        List<CheckResult> results = rx()
                .add(paracetamol(), item(paracetamol(), 150, Unit.MG, "QID", 3))
                .add(ibuprofen(), item(ibuprofen(), 100, Unit.MG, "Q8H", 3))
                .all();
        for (int i = 1; i < results.size(); i++) {
            assertTrue(results.get(i - 1).item <= results.get(i).item);
        }
        assertEquals("formulary-item", results.get(0).rule);
    }

    @Test
    void eachProblemIsReportedByItsOwnRule() {
        // 10 kg weighed today, 2 years old: 170 mg paracetamol Q4H for 8 days.
        List<CheckResult> refused = refusals(rx().weight(10.0).born(TODAY.minusYears(2))
                .add(paracetamol(), item(paracetamol(), 170, Unit.MG, "Q4H", 8)).all());
        assertEquals(Set.of("mg-per-kg-per-dose", "mg-per-kg-per-day", "doses-per-day", "course-length", "quantity-days"),
                refused.stream().map(r -> r.rule).collect(Collectors.toSet()), describe(refused));
    }

    @Test
    void aTopicalOnTheFaceOfAYoungChildWithTooMuchCream() {
        PrescriptionItem cream = topical(clobetasol(), 4, "BID", 7, BodySite.FACE);
        List<CheckResult> refused = refusals(rx().born(TODAY.minusYears(5)).add(clobetasol(), cream).all());
        assertEquals(Set.of("min-age", "topical-grams-per-week", "body-site"),
                refused.stream().map(r -> r.rule).collect(Collectors.toSet()), describe(refused));
    }

    @Test
    void runDoesNotNeedAWeightForFixedDoses() {
        List<CheckResult> results = rx().weight(null, null)
                .add(clobetasol(), topical(clobetasol(), 2, "BID", 7, BodySite.TRUNK)).born(TODAY.minusYears(13)).all();
        assertTrue(PrescriptionChecks.passed(results), describe(results));
    }
}
