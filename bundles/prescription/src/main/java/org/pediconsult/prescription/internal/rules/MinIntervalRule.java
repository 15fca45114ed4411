package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/** {@code min-interval}: the hours between doses the frequency gives are at least the entry's minimum interval. */
public final class MinIntervalRule extends ItemRule {
    public MinIntervalRule() {
        super(CheckedItem.Needs.COMPLETE);
    }

    @Override
    public String name() {
        return "min-interval";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        if (entry.minIntervalHours == null) {
            return null;
        }
        int hours = item.frequency().intervalHours;
        int min = entry.minIntervalHours;
        String limit = min + " h";
        String computed = hours + " h (" + item.frequency() + ")";
        String zh = item.frequency() + " 每 " + hours + " 小时一次，";
        String en = item.frequency() + " is every " + hours + " h, ";
        if (hours >= min) {
            return result(item, true, limit, computed, zh + "不短于最短间隔 " + min + " 小时", en + "not shorter than the minimum interval of " + min + " h");
        }
        return result(item, false, limit, computed, zh + "短于最短间隔 " + min + " 小时", en + "shorter than the minimum interval of " + min + " h");
    }
}
