package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.Unit;

/**
 * {@code unit-match}: the dose is written in the unit of the entry's limits, or in mL when the entry
 * gives a concentration (the dose is then mL x concentration, shown in the result). Anything else,
 * mg against microgram included, is refused: units are never converted silently.
 */
public final class UnitMatchRule extends ItemRule {
    public UnitMatchRule() {
        super(CheckedItem.Needs.COMPLETE);
    }

    @Override
    public String name() {
        return "unit-match";
    }

    /** The item's dose in the entry's unit, or null when its unit is not accepted. */
    public static Double doseInEntryUnit(PrescriptionItem item, FormularyEntry entry) {
        if (item.dose == null || item.unit == null) {
            return null;
        }
        if (item.unit == entry.unit) {
            return item.dose;
        }
        if (byConcentration(item, entry)) {
            return item.dose * entry.concentrationPerMl;
        }
        return null;
    }

    private static boolean byConcentration(PrescriptionItem item, FormularyEntry entry) {
        return item.unit == Unit.ML && entry.concentrationPerMl != null && entry.concentrationPerMl > 0;
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        FormularyEntry entry = item.entry();
        PrescriptionItem written = item.item();
        String unit = Units.label(entry.unit);
        boolean liquid = entry.concentrationPerMl != null && entry.concentrationPerMl > 0 && entry.unit != Unit.ML;
        String concentration = liquid ? Units.num(entry.concentrationPerMl) + " " + unit + "/mL" : null;
        String limit = liquid ? unit + " or mL (" + concentration + ")" : unit;
        String asWritten = Units.amount(written.dose, written.unit);
        if (written.unit == entry.unit) {
            return result(item, true, limit, asWritten, "剂量 " + asWritten + "，单位与处方集一致",
                    "dose " + asWritten + " in the formulary's unit");
        }
        if (byConcentration(written, entry)) {
            String computed = asWritten + " x " + concentration + " = " + Units.amount(item.dose(), entry.unit);
            return result(item, true, limit, computed, "按浓度换算：" + computed, "by concentration: " + computed);
        }
        String allowed = liquid ? unit + " 或 mL" : unit;
        String allowedEn = liquid ? unit + " or mL" : unit;
        return result(item, false, limit, asWritten,
                "剂量单位为 " + Units.label(written.unit) + "，处方集限量单位为 " + unit + "；不自动换算，请以 " + allowed + " 开具",
                "dose written in " + Units.label(written.unit) + " but the formulary's limits are in " + unit
                        + "; units are not converted, write the dose in " + allowedEn);
    }
}
