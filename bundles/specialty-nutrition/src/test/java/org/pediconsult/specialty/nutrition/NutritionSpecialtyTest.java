package org.pediconsult.specialty.nutrition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.Route;
import org.pediconsult.specialty.api.FormularyEntry.Storage;
import org.pediconsult.specialty.api.FormularyEntry.Unit;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Question.Type;

/** The SPI surface: id, questionnaire shape, formulary dose rules, coding. */
class NutritionSpecialtyTest {
    private final NutritionSpecialty specialty = new NutritionSpecialty();

    @Test
    void identity() {
        assertEquals("nutrition", specialty.id());
        assertEquals("营养", specialty.name().zh);
        assertEquals("Nutrition", specialty.name().en);
        assertEquals("PED-NUTR", specialty.hl7Coding().code);
        assertEquals("Pediatric nutrition", specialty.hl7Coding().text);
        assertEquals("L", specialty.hl7Coding().codingSystem);
        assertTrue(specialty.noteTemplate().en.contains("MUAC") && specialty.noteTemplate().zh.contains("上臂围"));
    }

    @Test
    void questionnaireAsSpecified() {
        List<Question> qs = specialty.questionnaire().questions;
        assertEquals(List.of("date", "weightKg", "lengthHeightCm", "position", "muacMm", "bilateralOedema",
                "appetiteTest", "diarrhoeaDays", "dehydrationSigns", "dietNotes"),
                qs.stream().map(q -> q.id).collect(Collectors.toList()));
        Map<String, Question> q = qs.stream().collect(Collectors.toMap(x -> x.id, Function.identity()));
        for (String required : List.of("date", "weightKg", "lengthHeightCm", "position", "bilateralOedema")) {
            assertTrue(q.get(required).required, required);
        }
        for (String optional : List.of("muacMm", "appetiteTest", "diarrhoeaDays", "dehydrationSigns", "dietNotes")) {
            assertFalse(q.get(optional).required, optional);
        }
        assertEquals(Type.INTEGER, q.get("muacMm").type);
        assertEquals(60.0, q.get("muacMm").min);
        assertEquals(300.0, q.get("muacMm").max);
        assertEquals(Type.INTEGER, q.get("diarrhoeaDays").type);
        assertEquals(60.0, q.get("diarrhoeaDays").max);
        assertEquals(List.of("PASSED", "FAILED", "NOT_DONE"),
                q.get("appetiteTest").options.stream().map(o -> o.value).collect(Collectors.toList()));
        assertEquals(List.of("LYING", "STANDING"),
                q.get("position").options.stream().map(o -> o.value).collect(Collectors.toList()));
        assertEquals(1000.0, q.get("dietNotes").max);
    }

    private Map<String, FormularyEntry> formulary() {
        return specialty.formulary().stream().collect(Collectors.toMap(e -> e.code, Function.identity()));
    }

    @Test
    void formularyShape() {
        Map<String, FormularyEntry> f = formulary();
        assertEquals(Set.of("VITD3-400IU", "IRON-ELEMENTAL", "ZINC-10MG", "ZINC-20MG", "ORS-LOW-OSM", "IBUPROFEN-SUSP",
                "PARACETAMOL-SUSP"), f.keySet());
        for (FormularyEntry e : f.values()) {
            assertEquals(FormularyEntry.ControlledClass.NONE, e.controlledClass, e.code);
            assertEquals(Storage.AMBIENT, e.storage, e.code);
            assertEquals(Route.PO, e.route, e.code);
        }
    }

    @Test
    void vitaminDIs400IUOnceDaily() {
        FormularyEntry vitD = formulary().get("VITD3-400IU");
        assertEquals(Unit.IU, vitD.unit);
        assertEquals(400.0, vitD.fixedMgPerDose);
        assertEquals(1000.0, vitD.maxMgPerDay);
        assertEquals(1, vitD.maxDosesPerDay);
        assertEquals(0, vitD.minAgeMonths);
        assertEquals("cholecalciferol", vitD.ingredient);
        assertEquals("vitamin-d", vitD.drugClass);
    }

    @Test
    void ironIs3MgPerKgOnceDailyFromSixMonths() {
        FormularyEntry iron = formulary().get("IRON-ELEMENTAL");
        assertEquals(Unit.MG, iron.unit);
        assertEquals(25.0, iron.concentrationPerMl);
        assertEquals(3.0, iron.mgPerKgPerDose);
        assertEquals(60.0, iron.maxMgPerDay);
        assertEquals(1, iron.maxDosesPerDay);
        assertEquals(6, iron.minAgeMonths);
        assertEquals("iron", iron.ingredient);
        assertEquals("iron-supplement", iron.drugClass);
    }

    @Test
    void zincIsBandedAtSixMonthsFor14DaysAtMost() {
        Map<String, FormularyEntry> f = formulary();
        FormularyEntry zincInfant = f.get("ZINC-10MG");
        FormularyEntry zinc = f.get("ZINC-20MG");
        assertEquals(10.0, zincInfant.fixedMgPerDose);
        assertEquals(10.0, zincInfant.maxMgPerDay);
        assertEquals(0, zincInfant.minAgeMonths);
        assertEquals(6, zincInfant.maxAgeMonths, "under 6 months only");
        assertEquals(20.0, zinc.fixedMgPerDose);
        assertEquals(20.0, zinc.maxMgPerDay);
        assertEquals(6, zinc.minAgeMonths, "the bands meet at 6 months without a gap");
        assertNull(zinc.maxAgeMonths);
        for (FormularyEntry e : List.of(zincInfant, zinc)) {
            assertEquals(Unit.MG, e.unit, e.code);
            assertEquals(14, e.maxCourseDays, e.code);
            assertEquals(1, e.maxDosesPerDay, e.code);
            assertEquals("zinc", e.ingredient, e.code);
        }
    }

    @Test
    void orsIsDosedInMillilitresPerKg() {
        FormularyEntry ors = formulary().get("ORS-LOW-OSM");
        assertEquals(Unit.ML, ors.unit);
        assertEquals(75.0, ors.mgPerKgPerDose, "WHO plan B: 75 mL/kg over 4 hours");
        assertNull(ors.fixedMgPerDose);
        assertNull(ors.maxMgPerDay);
        assertEquals("oral-rehydration-salts", ors.ingredient);
        assertTrue(ors.form.contains("75 ml/kg over 4 hours"), ors.form);
    }

    @Test
    void ibuprofenIsNotForUnderThreeMonthsOrFiveKg() {
        FormularyEntry ibu = formulary().get("IBUPROFEN-SUSP");
        assertEquals(Unit.MG, ibu.unit);
        assertEquals(20.0, ibu.concentrationPerMl);
        assertEquals(90, ibu.minAgeDays);
        assertEquals(5.0, ibu.minWeightKg);
        assertEquals(10.0, ibu.mgPerKgPerDose);
        assertEquals(40.0, ibu.maxPerKgPerDay);
        assertEquals(400.0, ibu.absoluteMaxMgPerDose);
        assertEquals(1200.0, ibu.maxMgPerDay);
        assertEquals(4, ibu.maxDosesPerDay);
        assertEquals(6, ibu.minIntervalHours);
        assertEquals(3, ibu.maxCourseDays);
        assertEquals("ibuprofen", ibu.ingredient);
        assertEquals("nsaid", ibu.drugClass);
    }

    @Test
    void paracetamolIs15MgPerKgUpTo4DosesAnd60MgPerKgADay() {
        FormularyEntry p = formulary().get("PARACETAMOL-SUSP");
        assertEquals(Unit.MG, p.unit);
        assertEquals(32.0, p.concentrationPerMl);
        assertEquals(15.0, p.mgPerKgPerDose);
        assertEquals(1000.0, p.absoluteMaxMgPerDose);
        assertEquals(60.0, p.maxPerKgPerDay);
        assertEquals(4000.0, p.maxMgPerDay);
        assertEquals(4, p.maxDosesPerDay);
        assertEquals(4, p.minIntervalHours);
        assertEquals(3, p.maxCourseDays);
        assertEquals("paracetamol", p.ingredient);
        assertEquals("analgesic-antipyretic", p.drugClass);
    }
}
