package org.pediconsult.prescription.internal.rules;

import java.util.List;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * A rule applied item by item: it looks only at items that meet its {@link CheckedItem.Needs} and gives
 * at most one result per item (null when the item's entry has no such limit). Messages are prefixed
 * with the drug's name ("Paracetamol oral suspension: ...").
 */
abstract class ItemRule implements PrescriptionRule {
    private final CheckedItem.Needs needs;

    ItemRule(CheckedItem.Needs needs) {
        this.needs = needs;
    }

    @Override
    public final void check(RuleContext context, List<CheckResult> out) {
        for (int i = 0; i < context.items().size(); i++) {
            CheckedItem item = CheckedItem.of(context, i);
            if (item.meets(needs)) {
                CheckResult result = check(context, item);
                if (result != null) {
                    out.add(result);
                }
            }
        }
    }

    /** The verdict on one item, or null when the rule does not apply to it. */
    abstract CheckResult check(RuleContext context, CheckedItem item);

    /** A result for {@code item}; {@code zh} and {@code en} follow the drug's name. */
    final CheckResult result(CheckedItem item, boolean passed, String limit, String computed, String zh, String en) {
        LocalizedText name = item.entry().name;
        return new CheckResult(item.index(), item.item().code, name(), passed, limit, computed,
                LocalizedText.of(name.zh + "：" + zh, name.en + ": " + en));
    }
}
