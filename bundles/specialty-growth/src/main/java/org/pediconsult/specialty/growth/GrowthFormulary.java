package org.pediconsult.specialty.growth;

import java.util.List;

import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.ControlledClass;
import org.pediconsult.specialty.api.LocalizedText;

/**
 * What a growth and development consult may prescribe online: vitamin D3 supplementation only.
 * Doses follow the IOM 2011 dietary reference intakes adopted by the AAP and the Chinese Nutrition
 * Society: 400 IU (0.01 mg) a day in the first year, 600 IU (0.015 mg) from one year. Anything else
 * (growth hormone, GnRH analogues) is specialist treatment after an in-person work-up.
 */
final class GrowthFormulary {
    private GrowthFormulary() {
    }

    static List<FormularyEntry> create() {
        return List.of(
                new FormularyEntry("VITD3-400IU", LocalizedText.of("维生素D3滴剂（400 IU）", "Vitamin D3 drops (400 IU)"),
                        "oral drops, 400 IU (0.01 mg) once daily", null, 0.01, 0.01, 0.01, 0,
                        ControlledClass.NONE),
                new FormularyEntry("VITD3-600IU", LocalizedText.of("维生素D3滴剂（600 IU）", "Vitamin D3 drops (600 IU)"),
                        "oral drops, 600 IU (0.015 mg) once daily, from 12 months", null, 0.015, 0.015, 0.015, 12,
                        ControlledClass.NONE));
    }
}
