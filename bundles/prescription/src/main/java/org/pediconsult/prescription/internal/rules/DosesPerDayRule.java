package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/** {@code doses-per-day}: the frequency's doses per 24 h are at most the entry's maximum. */
public final class DosesPerDayRule extends ItemRule {
    public DosesPerDayRule() {
        super(CheckedItem.Needs.COMPLETE);
    }

    @Override
    public String name() {
        return "doses-per-day";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        if (entry.maxDosesPerDay == null) {
            return null;
        }
        int doses = item.dosesPerDay();
        int max = entry.maxDosesPerDay;
        String limit = max + " doses/day";
        String computed = doses + " doses/day (" + item.frequency() + ")";
        String zh = item.frequency() + " 每日 " + doses + " 次，";
        String en = item.frequency() + " gives " + doses + " doses a day, ";
        if (doses <= max) {
            return result(item, true, limit, computed, zh + "未超过上限 " + max + " 次", en + "within the limit of " + max);
        }
        return result(item, false, limit, computed, zh + "超过上限 " + max + " 次", en + "over the limit of " + max);
    }
}
