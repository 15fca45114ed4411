package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/** {@code min-weight}: the child weighs at least the entry's minimum (a missing or stale weight is weight-recorded's refusal). */
public final class MinWeightRule extends ItemRule {
    public MinWeightRule() {
        super(CheckedItem.Needs.ENTRY);
    }

    @Override
    public String name() {
        return "min-weight";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        Double kg = WeightRecordedRule.usableWeightKg(context);
        if (entry.minWeightKg == null || kg == null) {
            return null;
        }
        String limit = Units.num(entry.minWeightKg) + " kg";
        String computed = Units.num(kg) + " kg";
        if (Units.atLeast(kg, entry.minWeightKg)) {
            return result(item, true, limit, computed, "体重 " + computed + "，不低于最低体重 " + limit,
                    "weight " + computed + ", at least the minimum of " + limit);
        }
        return result(item, false, limit, computed, "体重 " + computed + "，低于最低体重 " + limit,
                "weight " + computed + " is under the minimum of " + limit);
    }
}
