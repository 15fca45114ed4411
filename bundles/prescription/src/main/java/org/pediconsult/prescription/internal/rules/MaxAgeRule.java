package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * {@code max-age}: where a label has a maximum age, the child is younger than it (exclusive: full months
 * between birth and the day of the check are below {@code maxAgeMonths}).
 */
public final class MaxAgeRule extends ItemRule {
    public MaxAgeRule() {
        super(CheckedItem.Needs.ENTRY);
    }

    @Override
    public String name() {
        return "max-age";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        if (entry.maxAgeMonths == null) {
            return null;
        }
        int max = entry.maxAgeMonths;
        String limit = "under " + max + " months";
        if (context.birthDate() == null) {
            return result(item, false, limit, "birth date unknown", "出生日期未知，无法核对年龄上限（" + max + " 个月以下）",
                    "birth date unknown; the age limit (under " + max + " months) cannot be checked");
        }
        long months = RuleContext.fullMonths(context.birthDate(), context.today());
        String computed = months + " months";
        if (months < max) {
            return result(item, true, limit, computed, "年龄 " + months + " 个月，在 " + max + " 个月以下",
                    "age " + computed + ", under " + max + " months");
        }
        return result(item, false, limit, computed, "年龄 " + months + " 个月，仅限 " + max + " 个月以下儿童",
                "age " + computed + "; only for children under " + max + " months");
    }
}
