package org.pediconsult.specialty.dermatology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.FieldProblem;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.FormularyEntry.BodySite;
import org.pediconsult.specialty.api.FormularyEntry.Route;
import org.pediconsult.specialty.api.FormularyEntry.Storage;
import org.pediconsult.specialty.api.FormularyEntry.Unit;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Questionnaire;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.dermatology.internal.DermatologyFormulary;
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
    void mometasoneIsNotForChildrenUnderTwoNorOnThinSkin() {
        FormularyEntry mometasone = formulary().get("MOMETASONE-0.1-CREAM");
        assertEquals(24, mometasone.minAgeMonths);
        assertEquals(Set.of(BodySite.FACE, BodySite.GROIN, BodySite.AXILLAE, BodySite.NAPPY_AREA), mometasone.forbiddenSites);
        assertEquals(1, mometasone.maxDosesPerDay);
        assertEquals(21, mometasone.maxCourseDays);
    }

    @Test
    void clobetasolIsForAdolescentsAt50GramsAWeekForTwoWeeks() {
        FormularyEntry clobetasol = formulary().get("CLOBETASOL-0.05-CREAM");
        assertEquals(144, clobetasol.minAgeMonths, "12 years and over only");
        assertEquals(50.0, clobetasol.maxGramsPerWeek);
        assertEquals(14, clobetasol.maxCourseDays);
        assertEquals(2, clobetasol.maxDosesPerDay);
        assertEquals(Set.of(BodySite.FACE, BodySite.GROIN, BodySite.AXILLAE, BodySite.NAPPY_AREA), clobetasol.forbiddenSites);
    }

    @Test
    void fluocinoloneOilFromThreeMonthsForFourWeeks() {
        FormularyEntry fluocinolone = formulary().get("FLUOCINOLONE-0.01-OIL");
        assertEquals(3, fluocinolone.minAgeMonths);
        assertEquals(28, fluocinolone.maxCourseDays);
        assertTrue(fluocinolone.forbiddenSites.isEmpty());
    }

    @Test
    void hydrocortisoneIsMildFromBirthInShortCourses() {
        FormularyEntry hydrocortisone = formulary().get("HYDROCORTISONE-1-CREAM");
        assertEquals(0, hydrocortisone.minAgeMonths);
        assertEquals(7, hydrocortisone.maxCourseDays);
        assertEquals(2, hydrocortisone.maxDosesPerDay);
        assertTrue(hydrocortisone.forbiddenSites.isEmpty(), "mild: face and nappy area allowed");
        assertNull(hydrocortisone.maxGramsPerWeek);
    }

    @Test
    void cetirizineIsBandedByAgeAtSixYears() {
        Map<String, FormularyEntry> f = formulary();
        FormularyEntry young = f.get(DermatologyFormulary.CETIRIZINE_DROPS);
        FormularyEntry older = f.get(DermatologyFormulary.CETIRIZINE_DROPS_6Y);
        assertEquals("CETIRIZINE-DROPS", young.code);
        assertEquals("CETIRIZINE-DROPS-6Y", older.code);
        assertEquals(24, young.minAgeMonths, "not under 2 years");
        assertEquals(72, young.maxAgeMonths, "younger than 6 years");
        assertEquals(72, older.minAgeMonths, "the bands meet at 6 years without a gap");
        assertNull(older.maxAgeMonths);
        assertEquals(2.5, young.absoluteMaxMgPerDose);
        assertEquals(5.0, young.maxMgPerDay);
        assertEquals(2, young.maxDosesPerDay);
        assertEquals(12, young.minIntervalHours);
        assertEquals(10.0, older.absoluteMaxMgPerDose);
        assertEquals(10.0, older.maxMgPerDay);
        assertEquals(1, older.maxDosesPerDay);
        for (FormularyEntry e : List.of(young, older)) {
            assertEquals(Unit.MG, e.unit, e.code);
            assertEquals(10.0, e.concentrationPerMl, e.code);
            assertEquals(Route.PO, e.route, e.code);
            assertEquals("cetirizine", e.ingredient, e.code);
            assertEquals("h1-antihistamine", e.drugClass, e.code);
            assertNull(e.mgPerKgPerDose, e.code);
            assertTrue(e.fixedMgPerDose <= e.absoluteMaxMgPerDose, e.code);
        }
    }

    @Test
    void formularyShape() {
        Map<String, FormularyEntry> f = formulary();
        assertEquals(Set.of("EMOLLIENT", "HYDROCORTISONE-1-CREAM", "MOMETASONE-0.1-CREAM", "CLOBETASOL-0.05-CREAM",
                "FLUOCINOLONE-0.01-OIL", "CETIRIZINE-DROPS", "CETIRIZINE-DROPS-6Y"), f.keySet());
        assertEquals(0, f.get("EMOLLIENT").minAgeMonths);
        assertEquals("emollient", f.get("EMOLLIENT").ingredient);
        assertNull(f.get("EMOLLIENT").drugClass);
        Map<String, String> steroids = Map.of("HYDROCORTISONE-1-CREAM", "hydrocortisone", "MOMETASONE-0.1-CREAM",
                "mometasone", "CLOBETASOL-0.05-CREAM", "clobetasol", "FLUOCINOLONE-0.01-OIL", "fluocinolone");
        steroids.forEach((code, ingredient) -> {
            assertEquals(ingredient, f.get(code).ingredient, code);
            assertEquals("topical-corticosteroid", f.get(code).drugClass, code);
        });
        for (String topical : List.of("EMOLLIENT", "HYDROCORTISONE-1-CREAM", "MOMETASONE-0.1-CREAM",
                "CLOBETASOL-0.05-CREAM", "FLUOCINOLONE-0.01-OIL")) {
            FormularyEntry e = f.get(topical);
            assertTrue(e.topical(), topical);
            assertEquals(Route.TOP, e.route, topical);
            assertEquals(Unit.G, e.unit, topical);
            assertNull(e.mgPerKgPerDose, topical);
            assertNull(e.concentrationPerMl, topical);
        }
        for (FormularyEntry e : specialty.formulary()) {
            assertEquals(FormularyEntry.ControlledClass.NONE, e.controlledClass, e.code);
            assertEquals(Storage.AMBIENT, e.storage, e.code);
        }
    }
}
