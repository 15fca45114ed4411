package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * {@code weight-recorded}: an item whose limits depend on weight (per kg per dose, per kg per day, or a
 * minimum weight) needs the child's weight, measured at most {@code limits.weightMaxAgeDays} days before
 * the check (exactly that many days old still passes).
 */
public final class WeightRecordedRule extends ItemRule {
    public WeightRecordedRule() {
        super(CheckedItem.Needs.ENTRY);
    }

    @Override
    public String name() {
        return "weight-recorded";
    }

    /** True when the entry's limits need a weight. */
    public static boolean weightBased(FormularyEntry entry) {
        return entry.mgPerKgPerDose != null || entry.maxPerKgPerDay != null || entry.minWeightKg != null;
    }

    /** The recorded weight when this rule accepts it (present, above 0, not from the future, recent enough), else null. */
    public static Double usableWeightKg(RuleContext context) {
        if (context.weightKg() == null || context.weightDate() == null || !(context.weightKg() > 0)) {
            return null;
        }
        long age = RuleContext.fullDays(context.weightDate(), context.today());
        return age >= 0 && age <= context.limits().weightMaxAgeDays() ? context.weightKg() : null;
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        if (!weightBased(item.entry())) {
            return null;
        }
        int maxAge = context.limits().weightMaxAgeDays();
        String limit = "weight measured within " + maxAge + " days";
        Double kg = context.weightKg();
        if (kg == null || context.weightDate() == null) {
            return result(item, false, limit, "no weight recorded",
                    "剂量按体重计算，但未记录体重；请先测量体重",
                    "the dose depends on weight but no weight is recorded; weigh the child first");
        }
        if (!(kg > 0)) {
            return result(item, false, limit, Units.num(kg) + " kg",
                    "记录的体重 " + Units.num(kg) + " kg 无效", "the recorded weight " + Units.num(kg) + " kg is not valid");
        }
        long age = RuleContext.fullDays(context.weightDate(), context.today());
        String weight = Units.num(kg) + " kg";
        if (age < 0) {
            return result(item, false, limit, weight + ", dated " + context.weightDate(),
                    "体重 " + weight + " 的测量日期 " + context.weightDate() + " 晚于今天",
                    "weight " + weight + " is dated " + context.weightDate() + ", after today");
        }
        String computed = weight + ", " + age + " days old";
        if (age > maxAge) {
            return result(item, false, limit, computed,
                    "体重 " + weight + " 测于 " + age + " 天前，超过 " + maxAge + " 天；请重新测量",
                    "weight " + weight + " was measured " + age + " days ago, more than " + maxAge + " days; weigh the child again");
        }
        return result(item, true, limit, computed,
                "体重 " + weight + " 测于 " + age + " 天前（不超过 " + maxAge + " 天）",
                "weight " + weight + " measured " + age + " days ago (within " + maxAge + " days)");
    }
}
