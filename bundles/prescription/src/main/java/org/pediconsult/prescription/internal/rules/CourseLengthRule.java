package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/** {@code course-length}: the item's duration in days is at most the label's longest course. */
public final class CourseLengthRule extends ItemRule {
    public CourseLengthRule() {
        super(CheckedItem.Needs.COMPLETE);
    }

    @Override
    public String name() {
        return "course-length";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        if (entry.maxCourseDays == null) {
            return null;
        }
        int days = item.item().durationDays;
        int max = entry.maxCourseDays;
        String limit = max + " days";
        String computed = days + " days";
        if (days <= max) {
            return result(item, true, limit, computed, "疗程 " + days + " 天，未超过说明书最长疗程 " + max + " 天",
                    computed + " of treatment, within the label's longest course of " + limit);
        }
        return result(item, false, limit, computed, "疗程 " + days + " 天，超过说明书最长疗程 " + max + " 天",
                computed + " of treatment is over the label's longest course of " + limit);
    }
}
