package org.pediconsult.specialty.dermatology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.FieldProblem;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Questionnaire;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.dermatology.testing.Answers;

class DermatologySpecialtyTest {
    private final DermatologySpecialty specialty = new DermatologySpecialty();

    private Map<String, Question> questions() {
        return specialty.questionnaire().questions.stream().collect(Collectors.toMap(q -> q.id, Function.identity()));
    }

    private Map<String, FormularyEntry> formulary() {
        return specialty.formulary().stream().collect(Collectors.toMap(f -> f.code, Function.identity()));
    }

    @Test
    void identity() {
        assertEquals("dermatology", specialty.id());
        assertEquals("皮肤科", specialty.name().zh);
        assertEquals("Dermatology", specialty.name().en);
        assertEquals("PED-DERM", specialty.hl7Coding().code);
        assertEquals("Pediatric dermatology", specialty.hl7Coding().text);
        assertEquals("L", specialty.hl7Coding().codingSystem);
        assertTrue(specialty.noteTemplate().zh.contains("诊断") && specialty.noteTemplate().en.contains("Diagnosis"));
    }

    @Test
    void questionnaireVersion1WithTheRedFlagQuestions() {
        Questionnaire q = specialty.questionnaire();
        assertEquals("1", q.version);
        assertEquals(List.of("photos", "rashDays", "fever", "temperatureC", "nonBlanchingSpots", "mucosalInvolvement",
                "blistering", "rapidlySpreadingRedness", "eczemaWithPainfulPunchedOutSores", "itch", "location", "notes"),
                q.questions.stream().map(x -> x.id).collect(Collectors.toList()));
        Map<String, Question> byId = questions();
        assertQuestion(byId.get("photos"), Question.Type.PHOTOS, true, null, 5.0);
        assertQuestion(byId.get("rashDays"), Question.Type.INTEGER, true, 0.0, 365.0);
        assertQuestion(byId.get("temperatureC"), Question.Type.NUMBER, false, 34.0, 43.0);
        assertQuestion(byId.get("notes"), Question.Type.TEXT, false, null, 1000.0);
        for (String id : List.of("fever", "nonBlanchingSpots", "mucosalInvolvement", "blistering",
                "rapidlySpreadingRedness", "eczemaWithPainfulPunchedOutSores")) {
            assertQuestion(byId.get(id), Question.Type.BOOLEAN, true, null, null);
        }
        assertQuestion(byId.get("itch"), Question.Type.BOOLEAN, false, null, null);
        assertEquals(List.of("FACE", "SCALP", "TRUNK", "ARMS", "LEGS", "HANDS_FEET", "NAPPY_AREA"),
                byId.get("location").options.stream().map(o -> o.value).collect(Collectors.toList()));
        assertEquals(Question.Type.MULTI_CHOICE, byId.get("location").type);
        assertTrue(byId.get("nonBlanchingSpots").label.en.contains("glass"));
    }

    private static void assertQuestion(Question q, Question.Type type, boolean required, Double min, Double max) {
        assertEquals(type, q.type, q.id);
        assertEquals(required, q.required, q.id);
        assertEquals(min, q.min, q.id);
        assertEquals(max, q.max, q.id);
    }

    @Test
    void feverWithoutTemperatureIsRefusedNamingTheField() {
        List<FieldProblem> problems = specialty.validate(Answers.calm().with("fever", true).input());
        assertEquals(1, problems.size());
        assertEquals("answers.temperatureC", problems.get(0).field);
        assertTrue(specialty.validate(Answers.calm().fever().input()).isEmpty());
        assertTrue(specialty.validate(Answers.calm().input()).isEmpty(), "no fever: no temperature needed");
    }

    @Test
    void triageGoesThroughTheRedFlags() {
        assertEquals(TriageLevel.REMOTE_OK, specialty.triage(Answers.calm().input()).level);
        assertEquals(TriageLevel.EMERGENCY,
                specialty.triage(Answers.calm().fever().with("nonBlanchingSpots", true).input()).level);
    }

    @Test
    void mometasoneIsNotForChildrenUnderTwo() {
        assertEquals(24, formulary().get("MOMETASONE-0.1-CREAM").minAgeMonths);
    }

    @Test
    void formularyAgeLimitsAndDosing() {
        Map<String, FormularyEntry> f = formulary();
        assertEquals(4, f.size());
        assertEquals(0, f.get("EMOLLIENT").minAgeMonths);
        assertEquals(0, f.get("HYDROCORTISONE-1-CREAM").minAgeMonths);
        FormularyEntry cetirizine = f.get("CETIRIZINE-DROPS");
        assertEquals(6, cetirizine.minAgeMonths);
        assertEquals(0.25, cetirizine.mgPerKgPerDose);
        assertEquals(5.0, cetirizine.maxMgPerDay);
        assertEquals(5.0, cetirizine.absoluteMaxMgPerDose);
        for (String topical : List.of("EMOLLIENT", "HYDROCORTISONE-1-CREAM", "MOMETASONE-0.1-CREAM")) {
            FormularyEntry e = f.get(topical);
            assertNull(e.mgPerKgPerDose, topical);
            assertNull(e.fixedMgPerDose, topical);
            assertNull(e.maxMgPerDay, topical);
            assertNull(e.absoluteMaxMgPerDose, topical);
        }
        assertTrue(specialty.formulary().stream().allMatch(e -> e.controlledClass == FormularyEntry.ControlledClass.NONE));
    }
}
