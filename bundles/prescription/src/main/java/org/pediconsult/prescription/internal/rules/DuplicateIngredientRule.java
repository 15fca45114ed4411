package org.pediconsult.prescription.internal.rules;

import java.util.Locale;
import java.util.Objects;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * {@code duplicate-ingredient}: an ingredient appears once: not in an earlier item of this prescription
 * (the later item is refused, naming the earlier one), and not in the child's other active prescriptions.
 */
public final class DuplicateIngredientRule extends ItemRule {
    private static final String LIMIT = "each ingredient once, not in an active prescription";

    public DuplicateIngredientRule() {
        super(CheckedItem.Needs.ENTRY);
    }

    @Override
    public String name() {
        return "duplicate-ingredient";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        String ingredient = item.entry().ingredient;
        for (int j = 0; j < item.index(); j++) {
            FormularyEntry other = j < context.entries().size() ? context.entries().get(j) : null;
            if (other != null && Objects.equals(other.ingredient, ingredient)) {
                return result(item, false, LIMIT, ingredient + " also in item " + (j + 1),
                        "成分 " + ingredient + " 与第 " + (j + 1) + " 项（" + other.name.zh + "）重复",
                        "ingredient " + ingredient + " is also in item " + (j + 1) + " (" + other.name.en + ")");
            }
        }
        boolean active = context.activeIngredients() != null && context.activeIngredients().stream()
                .anyMatch(a -> a != null && a.trim().toLowerCase(Locale.ROOT).equals(ingredient));
        if (active) {
            return result(item, false, LIMIT, ingredient + " in an active prescription",
                    "成分 " + ingredient + " 已在患儿另一张有效处方中", "ingredient " + ingredient + " is already in another active prescription");
        }
        return result(item, true, LIMIT, ingredient + " once", "成分 " + ingredient + " 无重复", "ingredient " + ingredient + " is not duplicated");
    }
}
