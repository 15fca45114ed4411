package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * {@code mg-per-kg-per-day}: dose x doses per day (from the frequency) divided by the child's weight is
 * at most the entry's per-kg-per-day limit.
 */
public final class MgPerKgPerDayRule extends ItemRule {
    public MgPerKgPerDayRule() {
        super(CheckedItem.Needs.DOSE);
    }

    @Override
    public String name() {
        return "mg-per-kg-per-day";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        Double kg = WeightRecordedRule.usableWeightKg(context);
        if (entry.maxPerKgPerDay == null || kg == null) {
            return null;
        }
        double perKgPerDay = item.dose() * item.dosesPerDay() / kg;
        String unit = Units.perKg(entry.unit);
        String limit = Units.num(entry.maxPerKgPerDay) + " " + unit + "/day";
        String computed = Units.num(perKgPerDay) + " " + unit + "/day";
        String perDayZh = "每日 " + Units.num(perKgPerDay) + " " + unit + "（" + item.frequency() + "，每日 " + item.dosesPerDay() + " 次）";
        String perDayEn = Units.num(perKgPerDay) + " " + unit + " per day (" + item.frequency() + ", " + item.dosesPerDay() + " doses)";
        String limitText = Units.num(entry.maxPerKgPerDay) + " " + unit;
        if (Units.atMost(perKgPerDay, entry.maxPerKgPerDay)) {
            return result(item, true, limit, computed, perDayZh + "，未超过上限 " + limitText,
                    perDayEn + " is within the limit of " + limitText + " per day");
        }
        return result(item, false, limit, computed, perDayZh + "，超过上限 " + limitText,
                perDayEn + " is over the limit of " + limitText + " per day");
    }
}
