package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * {@code max-per-day}: dose x doses per day (from the frequency) is at most the entry's absolute cap per
 * 24 h, whatever the weight.
 */
public final class MaxPerDayRule extends ItemRule {
    public MaxPerDayRule() {
        super(CheckedItem.Needs.DOSE);
    }

    @Override
    public String name() {
        return "max-per-day";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        if (entry.maxMgPerDay == null) {
            return null;
        }
        double perDay = item.dose() * item.dosesPerDay();
        String limit = Units.amount(entry.maxMgPerDay, entry.unit) + "/day";
        String computed = Units.amount(perDay, entry.unit) + "/day";
        String detail = Units.amount(item.dose(), entry.unit) + " x " + item.dosesPerDay();
        String zh = "每日 " + Units.amount(perDay, entry.unit) + "（" + detail + "），";
        String en = Units.amount(perDay, entry.unit) + " per day (" + detail + ") is ";
        String cap = Units.amount(entry.maxMgPerDay, entry.unit);
        if (Units.atMost(perDay, entry.maxMgPerDay)) {
            return result(item, true, limit, computed, zh + "未超过每日最大量 " + cap, en + "within the absolute limit of " + cap + " per day");
        }
        return result(item, false, limit, computed, zh + "超过每日最大量 " + cap, en + "over the absolute limit of " + cap + " per day");
    }
}
