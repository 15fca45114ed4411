package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

/**
 * {@code topical-grams-per-week}: grams per application x applications per day x 7 is at most the
 * entry's grams per week. The entry's limits must be in g (unit-match has made the dose g already).
 */
public final class TopicalGramsPerWeekRule extends ItemRule {
    public TopicalGramsPerWeekRule() {
        super(CheckedItem.Needs.DOSE);
    }

    @Override
    public String name() {
        return "topical-grams-per-week";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        if (entry.maxGramsPerWeek == null) {
            return null;
        }
        String limit = Units.num(entry.maxGramsPerWeek) + " g/week";
        if (entry.unit != Unit.G) {
            return result(item, false, limit, "dose in " + Units.label(entry.unit),
                    "处方集以 " + Units.label(entry.unit) + " 计量，无法核对每周克数",
                    "the formulary's dose is in " + Units.label(entry.unit) + ", so grams per week cannot be checked");
        }
        double perWeek = item.dose() * item.dosesPerDay() * 7;
        String computed = Units.num(perWeek) + " g/week";
        String zh = "每周 " + Units.num(perWeek) + " g（" + Units.num(item.dose()) + " g × 每日 " + item.dosesPerDay() + " 次 × 7 天），";
        String en = Units.num(perWeek) + " g per week (" + Units.num(item.dose()) + " g x " + item.dosesPerDay() + " a day x 7 days) is ";
        String max = Units.num(entry.maxGramsPerWeek) + " g";
        if (Units.atMost(perWeek, entry.maxGramsPerWeek)) {
            return result(item, true, limit, computed, zh + "未超过每周上限 " + max, en + "within the limit of " + max + " per week");
        }
        return result(item, false, limit, computed, zh + "超过每周上限 " + max, en + "over the limit of " + max + " per week");
    }
}
