package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * One item as the rules see it: its index, what the physician wrote, its formulary entry (null for an
 * unknown code), and, when {@link FormularyItemRule} and {@link UnitMatchRule} accept it, its frequency
 * and its dose in the entry's unit.
 *
 * @param frequency null unless the item is complete (see {@link FormularyItemRule#problems})
 * @param dose      the dose per administration in {@code entry.unit}; null unless the unit is accepted
 */
record CheckedItem(int index, PrescriptionItem item, FormularyEntry entry, Frequency frequency, Double dose) {

    /** What an item must have before a rule looks at it, so one bad item gets one clear refusal. */
    enum Needs {
        /** A formulary entry. */
        ENTRY,
        /** An entry, and dose, unit, a known frequency, duration and quantity. */
        COMPLETE,
        /** All that, and a unit the entry accepts (the dose is then in the entry's unit). */
        DOSE
    }

    static CheckedItem of(RuleContext context, int index) {
        PrescriptionItem item = context.items().get(index);
        FormularyEntry entry = context.entries() != null && index < context.entries().size()
                ? context.entries().get(index) : null;
        if (entry == null || item == null || !FormularyItemRule.problems(item).isEmpty()) {
            return new CheckedItem(index, item, entry, null, null);
        }
        return new CheckedItem(index, item, entry, Frequency.parse(item.frequency), UnitMatchRule.doseInEntryUnit(item, entry));
    }

    boolean meets(Needs needs) {
        switch (needs) {
            case ENTRY: return item != null && entry != null;
            case COMPLETE: return frequency != null;
            case DOSE: return frequency != null && dose != null;
            default: throw new IllegalArgumentException(String.valueOf(needs));
        }
    }

    /** Doses per 24 h (the item must be complete). */
    int dosesPerDay() {
        return frequency.dosesPerDay;
    }
}
