package org.pediconsult.specialty.nutrition;

import java.util.List;

import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.ControlledClass;
import org.pediconsult.specialty.api.FormularyEntry.Route;
import org.pediconsult.specialty.api.FormularyEntry.Storage;
import org.pediconsult.specialty.api.FormularyEntry.Unit;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * What a nutrition consult may prescribe online, with the pediatric dose rules the prescription
 * bundle enforces:
 * <ul>
 * <li>vitamin D3 (cholecalciferol) 400 IU once a day from birth (AAP 2008, Wagner and Greer,
 * Pediatrics 122:1142; IOM 2011; Chinese Nutrition Society), at most 1000 IU a day (the preterm range
 * 400-1000 IU a day; IOM 2011 tolerable upper intake level for 0-6 months);</li>
 * <li>elemental iron drops 25 mg/mL, 3 mg/kg once a day, at most 60 mg a day, from 6 months (WHO 2016
 * guideline on daily iron supplementation in infants and children: 10-12.5 mg a day at 6-23 months,
 * 30 mg at 24-59 months, 30-60 mg from 5 years; AAP treatment dose for iron deficiency 3 mg/kg/day);</li>
 * <li>zinc for diarrhoea, once a day for 10-14 days: 10 mg a day under 6 months, 20 mg a day from
 * 6 months (WHO/UNICEF joint statement on the clinical management of acute diarrhoea, 2004), as two
 * age-banded entries;</li>
 * <li>low-osmolarity ORS (WHO 2005, 245 mOsm/l), dosed by volume in mL: 75 mL/kg over 4 hours for
 * some dehydration (WHO plan B);</li>
 * <li>ibuprofen oral suspension 20 mg/mL (common pediatric labels): over 3 months and 5 kg only,
 * 5-10 mg/kg every 6-8 hours, at most 400 mg a dose, 40 mg/kg and 1200 mg a day (the OTC daily cap),
 * for at most 3 days;</li>
 * <li>paracetamol oral suspension 32 mg/mL (common pediatric labels; WHO Pocket Book of Hospital Care
 * for Children): 15 mg/kg a dose, at most 1 g a dose, every 4-6 hours, at most 4 doses, 60 mg/kg and
 * 4 g per 24 hours, for at most 3 days (the same entry as the growth formulary's).</li>
 * </ul>
 * None is a controlled substance or cold-chain.
 */
final class NutritionFormulary {
    private NutritionFormulary() {
    }

    static List<FormularyEntry> create() {
        return List.of(
                FormularyEntry.builder("VITD3-400IU", LocalizedText.of("维生素D3滴剂（400 IU）", "Vitamin D3 drops (400 IU)"),
                                "oral drops, 400 IU (0.01 mg) once daily")
                        .unit(Unit.IU).fixedDose(400.0).maxPerDose(1000.0).maxPerDay(1000.0).maxDosesPerDay(1)
                        .minAgeMonths(0)
                        .ingredient("cholecalciferol").drugClass("vitamin-d")
                        .route(Route.PO).storage(Storage.AMBIENT).controlledClass(ControlledClass.NONE).build(),
                FormularyEntry.builder("IRON-ELEMENTAL", LocalizedText.of("铁剂（元素铁）", "Iron (elemental iron)"),
                                "ferrous sulfate oral drops, 25 mg elemental iron/ml; 3 mg/kg once daily")
                        .unit(Unit.MG).concentrationPerMl(25.0)
                        .perKgPerDose(3.0).maxPerKgPerDay(3.0).maxPerDose(60.0).maxPerDay(60.0).maxDosesPerDay(1)
                        .minAgeMonths(6)
                        .ingredient("iron").drugClass("iron-supplement")
                        .route(Route.PO).storage(Storage.AMBIENT).controlledClass(ControlledClass.NONE).build(),
                zinc("ZINC-10MG", "锌（6月龄以下）", "Zinc (under 6 months)",
                        "zinc sulfate dispersible tablet, 10 mg once daily for 10-14 days (under 6 months)", 10.0)
                        .maxAgeMonths(6).build(),
                zinc("ZINC-20MG", "锌（6月龄及以上）", "Zinc (6 months and over)",
                        "zinc sulfate dispersible tablet, 20 mg once daily for 10-14 days", 20.0)
                        .minAgeMonths(6).build(),
                FormularyEntry.builder("ORS-LOW-OSM", LocalizedText.of("低渗口服补液盐", "Low-osmolarity oral rehydration salts"),
                                "low-osmolarity ORS powder (245 mOsm/l) dissolved as labelled: 75 ml/kg over 4 hours (WHO plan B), "
                                        + "then 50-100 ml (under 2 years) or 100-200 ml (2-10 years) after each loose stool")
                        .unit(Unit.ML).perKgPerDose(75.0)
                        .ingredient("oral-rehydration-salts")
                        .route(Route.PO).storage(Storage.AMBIENT).controlledClass(ControlledClass.NONE).build(),
                FormularyEntry.builder("IBUPROFEN-SUSP", LocalizedText.of("布洛芬混悬液 20 mg/mL", "Ibuprofen oral suspension 20 mg/mL"),
                                "oral suspension 20 mg/mL (100 mg/5 mL); 5-10 mg/kg every 6-8 hours, not under 3 months or 5 kg")
                        .unit(Unit.MG).concentrationPerMl(20.0)
                        .perKgPerDose(10.0).maxPerKgPerDay(40.0).maxPerDose(400.0).maxPerDay(1200.0)
                        .maxDosesPerDay(4).minIntervalHours(6)
                        .minAgeDays(90).minWeightKg(5.0).maxCourseDays(3)
                        .ingredient("ibuprofen").drugClass("nsaid")
                        .route(Route.PO).storage(Storage.AMBIENT).controlledClass(ControlledClass.NONE).build(),
                FormularyEntry.builder("PARACETAMOL-SUSP",
                                LocalizedText.of("对乙酰氨基酚混悬液 32 mg/mL", "Paracetamol oral suspension 32 mg/mL"),
                                "oral suspension 32 mg/mL (160 mg/5 mL); 15 mg/kg every 4-6 hours, at most 4 doses a day")
                        .unit(Unit.MG).concentrationPerMl(32.0)
                        .perKgPerDose(15.0).maxPerDose(1000.0).maxPerKgPerDay(60.0).maxPerDay(4000.0)
                        .maxDosesPerDay(4).minIntervalHours(4).maxCourseDays(3)
                        .ingredient("paracetamol").drugClass("analgesic-antipyretic")
                        .route(Route.PO).storage(Storage.AMBIENT).controlledClass(ControlledClass.NONE).build());
    }

    /** Zinc sulfate for diarrhoea: a fixed dose once a day for 10-14 days. */
    private static FormularyEntry.Builder zinc(String code, String zh, String en, String form, double mgPerDay) {
        return FormularyEntry.builder(code, LocalizedText.of(zh, en), form)
                .unit(Unit.MG).fixedDose(mgPerDay).maxPerDose(mgPerDay).maxPerDay(mgPerDay).maxDosesPerDay(1)
                .maxCourseDays(14)
                .ingredient("zinc").drugClass("zinc-supplement")
                .route(Route.PO).storage(Storage.AMBIENT).controlledClass(ControlledClass.NONE);
    }
}
