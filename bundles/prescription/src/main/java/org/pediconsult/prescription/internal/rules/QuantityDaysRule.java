package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;

/**
 * {@code quantity-days}, the 7/3-day rule: an item covers at most {@code limits.maxDays} days of
 * treatment, {@code limits.emergencyMaxDays} in an emergency, and up to {@code limits.chronicMaxDays}
 * only for a chronic condition with a written reason (an emergency keeps its shorter limit).
 */
public final class QuantityDaysRule extends ItemRule {
    public QuantityDaysRule() {
        super(CheckedItem.Needs.COMPLETE);
    }

    @Override
    public String name() {
        return "quantity-days";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        RuleContext.Limits limits = context.limits();
        boolean chronic = context.chronicReason() != null && !context.chronicReason().isBlank();
        int days = item.item().durationDays;
        int max;
        String kindEn;
        String kindZh;
        if (context.emergency()) {
            max = limits.emergencyMaxDays();
            kindEn = "the emergency limit";
            kindZh = "急诊处方上限";
        } else if (chronic) {
            max = limits.chronicMaxDays();
            kindEn = "the chronic-condition limit";
            kindZh = "慢性病处方上限";
        } else {
            max = limits.maxDays();
            kindEn = "the limit";
            kindZh = "处方上限";
        }
        String limit = max + " days" + (context.emergency() ? " (emergency)" : chronic ? " (chronic, with reason)" : "");
        String computed = days + " days";
        if (days <= max) {
            return result(item, true, limit, computed, "用量 " + days + " 天，未超过" + kindZh + " " + max + " 天",
                    computed + " of treatment, within " + kindEn + " of " + max + " days");
        }
        boolean longerWithReason = !context.emergency() && !chronic && days <= limits.chronicMaxDays();
        return result(item, false, limit, computed,
                "用量 " + days + " 天，超过" + kindZh + " " + max + " 天" + (longerWithReason ? "；更长疗程仅限慢性病并须注明理由" : ""),
                computed + " of treatment is over " + kindEn + " of " + max + " days"
                        + (longerWithReason ? "; a longer course needs a chronic condition and a written reason" : ""));
    }
}
