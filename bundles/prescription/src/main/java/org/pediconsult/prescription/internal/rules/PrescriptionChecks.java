package org.pediconsult.prescription.internal.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pediconsult.prescription.api.CheckResult;

/**
 * All pediatric prescription checks, in the order they are reported: the item itself and what is never
 * allowed first, then the child, the doses, the frequency, the length, topicals.
 */
public final class PrescriptionChecks {
    private static final List<PrescriptionRule> ALL = List.of(
            new FormularyItemRule(),
            new ControlledDrugRule(),
            new AllergyRule(),
            new DuplicateIngredientRule(),
            new UnitMatchRule(),
            new WeightRecordedRule(),
            new MinAgeRule(),
            new MaxAgeRule(),
            new MinWeightRule(),
            new MgPerKgPerDoseRule(),
            new MgPerKgPerDayRule(),
            new MaxPerDoseRule(),
            new MaxPerDayRule(),
            new DosesPerDayRule(),
            new MinIntervalRule(),
            new CourseLengthRule(),
            new QuantityDaysRule(),
            new TopicalGramsPerWeekRule(),
            new BodySiteRule());

    private PrescriptionChecks() {
    }

    /** Every rule (they hold no state). */
    public static List<PrescriptionRule> all() {
        return ALL;
    }

    /** Runs every rule; the results are grouped by item (the whole prescription, -1, first), each item's in rule order. */
    public static List<CheckResult> run(RuleContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (PrescriptionRule rule : ALL) {
            rule.check(context, results);
        }
        results.sort(Comparator.comparingInt(r -> r.item));
        return results;
    }

    /** True when no result is a refusal. */
    public static boolean passed(List<CheckResult> results) {
        return results.stream().allMatch(r -> r.passed);
    }
}
