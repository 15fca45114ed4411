package org.pediconsult.prescription.internal.rules;

import java.util.ArrayList;
import java.util.List;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * {@code min-age}: the child is at least the entry's minimum age, in full months ({@code minAgeMonths})
 * and in full days ({@code minAgeDays}) between the birth date and the day of the check.
 */
public final class MinAgeRule extends ItemRule {
    public MinAgeRule() {
        super(CheckedItem.Needs.ENTRY);
    }

    @Override
    public String name() {
        return "min-age";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        boolean byMonths = entry.minAgeMonths > 0;
        boolean byDays = entry.minAgeDays != null && entry.minAgeDays > 0;
        if (!byMonths && !byDays) {
            return null;
        }
        List<String> limitEn = new ArrayList<>();
        List<String> limitZh = new ArrayList<>();
        if (byMonths) {
            limitEn.add(entry.minAgeMonths + " months");
            limitZh.add(entry.minAgeMonths + " 个月");
        }
        if (byDays) {
            limitEn.add(entry.minAgeDays + " days");
            limitZh.add(entry.minAgeDays + " 天");
        }
        String limit = String.join(" and ", limitEn);
        String limitTextZh = String.join("且", limitZh);
        if (context.birthDate() == null) {
            return result(item, false, limit, "birth date unknown", "出生日期未知，无法核对最小年龄 " + limitTextZh,
                    "birth date unknown; the minimum age of " + limit + " cannot be checked");
        }
        long months = RuleContext.fullMonths(context.birthDate(), context.today());
        long days = RuleContext.fullDays(context.birthDate(), context.today());
        boolean passed = (!byMonths || months >= entry.minAgeMonths) && (!byDays || days >= entry.minAgeDays);
        List<String> ageEn = new ArrayList<>();
        List<String> ageZh = new ArrayList<>();
        if (byMonths) {
            ageEn.add(months + " months");
            ageZh.add(months + " 个月");
        }
        if (byDays) {
            ageEn.add(days + " days");
            ageZh.add(days + " 天");
        }
        String computed = String.join(", ", ageEn);
        String computedZh = String.join("，", ageZh);
        if (passed) {
            return result(item, true, limit, computed, "年龄 " + computedZh + "，不低于最小年龄 " + limitTextZh,
                    "age " + computed + ", at least the minimum age of " + limit);
        }
        return result(item, false, limit, computed, "年龄 " + computedZh + "，低于最小年龄 " + limitTextZh,
                "age " + computed + " is under the minimum age of " + limit);
    }
}
