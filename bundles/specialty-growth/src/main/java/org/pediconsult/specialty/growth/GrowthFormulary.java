package org.pediconsult.specialty.growth;

import java.util.List;

import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.ControlledClass;
import org.pediconsult.specialty.api.FormularyEntry.Route;
import org.pediconsult.specialty.api.FormularyEntry.Storage;
import org.pediconsult.specialty.api.FormularyEntry.Unit;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * What a growth and development consult may prescribe online, with the limits the prescription bundle
 * checks every order against:
 * <ul>
 * <li>vitamin D3 (cholecalciferol) drops, in IU, once daily: 400 IU a day from the first days of life
 * (AAP 2008, Wagner and Greer, Pediatrics 122:1142), 600 IU a day from one year (IOM 2011 dietary
 * reference intakes, adopted by the AAP and the Chinese Nutrition Society). Both are capped at
 * 1000 IU a day: the upper end of the 400-1000 IU a day given to preterm infants, and the IOM 2011
 * tolerable upper intake level for 0-6 months (1000 IU; 2500 IU from one year);</li>
 * <li>paracetamol oral suspension 32 mg/mL (160 mg/5 mL) for fever, which is common in the clinic's
 * infants (common pediatric labels; WHO Pocket Book of Hospital Care for Children): 15 mg/kg a dose,
 * at most 1 g a dose, every 4-6 hours, at most 4 doses, 60 mg/kg and 4 g per 24 hours, and no longer
 * than 3 days without a review (the labels' "fever for more than 3 days: see a doctor").</li>
 * </ul>
 * None is a controlled substance or cold-chain. Anything else (growth hormone, GnRH analogues) is
 * specialist treatment after an in-person work-up.
 */
final class GrowthFormulary {
    private GrowthFormulary() {
    }

    static List<FormularyEntry> create() {
        return List.of(
                vitaminD("VITD3-400IU", "维生素D3滴剂（400 IU）", "Vitamin D3 drops (400 IU)",
                        "oral drops, 400 IU (0.01 mg) once daily", 400.0, 0),
                vitaminD("VITD3-600IU", "维生素D3滴剂（600 IU）", "Vitamin D3 drops (600 IU)",
                        "oral drops, 600 IU (0.015 mg) once daily, from 12 months", 600.0, 12),
                paracetamol());
    }

    private static FormularyEntry vitaminD(String code, String zh, String en, String form, double iuPerDay,
                                           int minAgeMonths) {
        return FormularyEntry.builder(code, LocalizedText.of(zh, en), form)
                .unit(Unit.IU)
                .fixedDose(iuPerDay)
                .maxPerDose(1000.0)
                .maxPerDay(1000.0)
                .maxDosesPerDay(1)
                .minAgeMonths(minAgeMonths)
                .route(Route.PO)
                .ingredient("cholecalciferol")
                .drugClass("vitamin-d")
                .storage(Storage.AMBIENT)
                .controlledClass(ControlledClass.NONE)
                .build();
    }

    /** Paracetamol oral suspension 32 mg/mL; the same entry as the nutrition formulary's. */
    private static FormularyEntry paracetamol() {
        return FormularyEntry.builder("PARACETAMOL-SUSP",
                        LocalizedText.of("对乙酰氨基酚混悬液 32 mg/mL", "Paracetamol oral suspension 32 mg/mL"),
                        "oral suspension 32 mg/mL (160 mg/5 mL); 15 mg/kg every 4-6 hours, at most 4 doses a day")
                .unit(Unit.MG)
                .concentrationPerMl(32.0)
                .perKgPerDose(15.0)
                .maxPerDose(1000.0)
                .maxPerKgPerDay(60.0)
                .maxPerDay(4000.0)
                .maxDosesPerDay(4)
                .minIntervalHours(4)
                .maxCourseDays(3)
                .route(Route.PO)
                .ingredient("paracetamol")
                .drugClass("analgesic-antipyretic")
                .storage(Storage.AMBIENT)
                .controlledClass(ControlledClass.NONE)
                .build();
    }
}
