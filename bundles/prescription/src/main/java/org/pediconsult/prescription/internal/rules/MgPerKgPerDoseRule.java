package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/** {@code mg-per-kg-per-dose}: the dose divided by the child's weight is at most the entry's per-kg limit. */
public final class MgPerKgPerDoseRule extends ItemRule {
    public MgPerKgPerDoseRule() {
        super(CheckedItem.Needs.DOSE);
    }

    @Override
    public String name() {
        return "mg-per-kg-per-dose";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        Double kg = WeightRecordedRule.usableWeightKg(context);
        if (entry.mgPerKgPerDose == null || kg == null) {
            return null; // no such limit, or weight-recorded refuses the weight
        }
        double perKg = item.dose() / kg;
        String unit = Units.perKg(entry.unit);
        String limit = Units.num(entry.mgPerKgPerDose) + " " + unit;
        String computed = Units.num(perKg) + " " + unit;
        if (Units.atMost(perKg, entry.mgPerKgPerDose)) {
            return result(item, true, limit, computed, "每次 " + computed + "，未超过上限 " + limit,
                    computed + " per dose is within the limit of " + limit);
        }
        return result(item, false, limit, computed, "每次 " + computed + "，超过上限 " + limit,
                computed + " per dose is over the limit of " + limit);
    }
}
