package org.pediconsult.specialty.nutrition;

import java.util.List;

import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.ControlledClass;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * What a nutrition consult may prescribe online, with the pediatric dose rules the prescription
 * bundle enforces:
 * <ul>
 * <li>vitamin D3 400 IU (0.01 mg) a day from birth (IOM 2011; AAP; Chinese Nutrition Society);</li>
 * <li>elemental iron 3 mg/kg once a day, at most 60 mg a day, from 6 months (WHO 2016 guideline on
 * daily iron supplementation; AAP treatment dose for iron deficiency 3 mg/kg/day);</li>
 * <li>zinc for diarrhoea for 10-14 days: 10 mg a day under 6 months, 20 mg a day from 6 months
 * (WHO/UNICEF joint statement on the clinical management of acute diarrhoea, 2004), as two entries
 * because the formulary has a minimum age but no maximum;</li>
 * <li>low-osmolarity ORS (WHO 2005, 245 mOsm/l), dosed by volume, so without mg fields.</li>
 * </ul>
 * None is a controlled substance.
 */
final class NutritionFormulary {
    private NutritionFormulary() {
    }

    static List<FormularyEntry> create() {
        return List.of(
                new FormularyEntry("VITD3-400IU", LocalizedText.of("维生素D3滴剂（400 IU）", "Vitamin D3 drops (400 IU)"),
                        "oral drops, 400 IU (0.01 mg) once daily", null, 0.01, 0.01, 0.01, 0, ControlledClass.NONE),
                new FormularyEntry("IRON-ELEMENTAL", LocalizedText.of("铁剂（元素铁）", "Iron (elemental iron)"),
                        "ferrous sulfate oral drops, 25 mg elemental iron/ml; 3 mg/kg once daily", 3.0, null, 60.0, 60.0, 6,
                        ControlledClass.NONE),
                new FormularyEntry("ZINC-10MG", LocalizedText.of("锌（6月龄以下）", "Zinc (under 6 months)"),
                        "zinc sulfate dispersible tablet, 10 mg once daily for 10-14 days (under 6 months)", null, 10.0, 10.0,
                        10.0, 0, ControlledClass.NONE),
                new FormularyEntry("ZINC-20MG", LocalizedText.of("锌（6月龄及以上）", "Zinc (6 months and over)"),
                        "zinc sulfate dispersible tablet, 20 mg once daily for 10-14 days", null, 20.0, 20.0, 20.0, 6,
                        ControlledClass.NONE),
                new FormularyEntry("ORS-LOW-OSM", LocalizedText.of("低渗口服补液盐", "Low-osmolarity oral rehydration salts"),
                        "low-osmolarity ORS powder (245 mOsm/l) dissolved as labelled: 75 ml/kg over 4 hours (WHO plan B), "
                                + "then 50-100 ml (under 2 years) or 100-200 ml (2-10 years) after each loose stool",
                        null, null, null, null, 0, ControlledClass.NONE));
    }
}
