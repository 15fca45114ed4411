package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * {@code max-per-dose}: the dose is at most the entry's absolute cap per dose, whatever the weight (a
 * child's weight-based dose never exceeds the adult cap).
 */
public final class MaxPerDoseRule extends ItemRule {
    public MaxPerDoseRule() {
        super(CheckedItem.Needs.DOSE);
    }

    @Override
    public String name() {
        return "max-per-dose";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        if (entry.absoluteMaxMgPerDose == null) {
            return null;
        }
        String limit = Units.amount(entry.absoluteMaxMgPerDose, entry.unit);
        String computed = Units.amount(item.dose(), entry.unit);
        if (Units.atMost(item.dose(), entry.absoluteMaxMgPerDose)) {
            return result(item, true, limit, computed, "每次 " + computed + "，未超过单次最大量 " + limit,
                    computed + " per dose is within the absolute limit of " + limit);
        }
        return result(item, false, limit, computed, "每次 " + computed + "，超过单次最大量 " + limit,
                computed + " per dose is over the absolute limit of " + limit);
    }
}
