package org.pediconsult.prescription.internal.rules;

import org.pediconsult.prescription.api.CheckResult;
import org.pediconsult.specialty.api.FormularyEntry.ControlledClass;

/**
 * {@code controlled-drug}: a specially controlled drug (narcotic, psychotropic, toxic, radioactive,
 * precursor, vaccine, blood product) is never prescribed online, whatever the specialty's formulary says.
 */
public final class ControlledDrugRule extends ItemRule {
    public ControlledDrugRule() {
        super(CheckedItem.Needs.ENTRY);
    }

    @Override
    public String name() {
        return "controlled-drug";
    }

    @Override
    CheckResult check(RuleContext context, CheckedItem item) {
        ControlledClass c = item.entry().controlledClass;
        if (c == null || c == ControlledClass.NONE) {
            return result(item, true, "NONE", "NONE", "非特殊管理药品", "not a controlled drug");
        }
        return result(item, false, "NONE", c.name(), zh(c) + "不得在线开具", en(c) + " is never prescribed online");
    }

    private static String zh(ControlledClass c) {
        switch (c) {
            case NARCOTIC: return "麻醉药品";
            case PSYCHOTROPIC_I: return "第一类精神药品";
            case PSYCHOTROPIC_II: return "第二类精神药品";
            case TOXIC: return "医疗用毒性药品";
            case RADIOACTIVE: return "放射性药品";
            case PRECURSOR: return "药品类易制毒化学品";
            case VACCINE: return "疫苗";
            case BLOOD_PRODUCT: return "血液制品";
            default: return "特殊管理药品";
        }
    }

    private static String en(ControlledClass c) {
        switch (c) {
            case NARCOTIC: return "a narcotic drug";
            case PSYCHOTROPIC_I: return "a class I psychotropic drug";
            case PSYCHOTROPIC_II: return "a class II psychotropic drug";
            case TOXIC: return "a toxic drug for medical use";
            case RADIOACTIVE: return "a radioactive drug";
            case PRECURSOR: return "a precursor chemical";
            case VACCINE: return "a vaccine";
            case BLOOD_PRODUCT: return "a blood product";
            default: return "a specially controlled drug";
        }
    }
}
