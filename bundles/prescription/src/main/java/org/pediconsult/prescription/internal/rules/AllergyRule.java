package org.pediconsult.prescription.internal.rules;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/** {@code allergy}: none of the child's recorded allergies is the item's ingredient or its drug class. */
public final class AllergyRule extends ItemRule {
    public AllergyRule() {
        super(CheckedItem.Needs.ENTRY);
    }

    @Override
    public String name() {
        return "allergy";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        Set<String> allergies = lowerCase(context.allergies());
        String ingredient = lower(entry.ingredient);
        String drugClass = lower(entry.drugClass);
        String limit = allergies.isEmpty() ? "no recorded allergy" : "not: " + String.join(", ", allergies);
        String computed = "ingredient " + ingredient + (drugClass == null ? "" : ", class " + drugClass);
        if (ingredient != null && allergies.contains(ingredient)) {
            return result(item, false, limit, computed, "患儿对成分 " + ingredient + " 过敏",
                    "the child is allergic to its ingredient " + ingredient);
        }
        if (drugClass != null && allergies.contains(drugClass)) {
            return result(item, false, limit, computed, "患儿对 " + drugClass + " 类药物过敏（" + ingredient + " 属于该类）",
                    "the child is allergic to the drug class " + drugClass + " (" + ingredient + " belongs to it)");
        }
        return result(item, true, limit, computed, "与记录的过敏史无冲突", "no conflict with the recorded allergies");
    }

    private static Set<String> lowerCase(Set<String> values) {
        Set<String> lower = new TreeSet<>();
        if (values != null) {
            values.stream().map(AllergyRule::lower).filter(v -> v != null && !v.isEmpty()).forEach(lower::add);
        }
        return lower;
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
