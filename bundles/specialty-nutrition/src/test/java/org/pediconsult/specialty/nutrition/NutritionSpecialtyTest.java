package org.pediconsult.specialty.nutrition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.FormularyEntry;
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

    @Test
    void formularyDoseRules() {
        Map<String, FormularyEntry> f = specialty.formulary().stream()
                .collect(Collectors.toMap(e -> e.code, Function.identity()));
        f.values().forEach(e -> assertEquals(FormularyEntry.ControlledClass.NONE, e.controlledClass, e.code));

        FormularyEntry vitD = f.get("VITD3-400IU");
        assertEquals(0.01, vitD.fixedMgPerDose, 1e-12);
        assertEquals(0, vitD.minAgeMonths);

        FormularyEntry iron = f.get("IRON-ELEMENTAL");
        assertEquals(3.0, iron.mgPerKgPerDose);
        assertEquals(60.0, iron.maxMgPerDay);
        assertEquals(6, iron.minAgeMonths);

        FormularyEntry zincInfant = f.get("ZINC-10MG");
        FormularyEntry zinc = f.get("ZINC-20MG");
        assertEquals(10.0, zincInfant.fixedMgPerDose);
        assertEquals(0, zincInfant.minAgeMonths);
        assertEquals(20.0, zinc.fixedMgPerDose);
        assertEquals(6, zinc.minAgeMonths);

        FormularyEntry ors = f.get("ORS-LOW-OSM");
        assertNull(ors.mgPerKgPerDose);
        assertNull(ors.fixedMgPerDose);
        assertNull(ors.maxMgPerDay);
        assertTrue(ors.form.contains("75 ml/kg over 4 hours"), ors.form);
    }
}
