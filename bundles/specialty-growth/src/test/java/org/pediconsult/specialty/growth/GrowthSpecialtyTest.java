package org.pediconsult.specialty.growth;

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

/** The SPI surface: id, questionnaire shape, formulary, coding. */
class GrowthSpecialtyTest {
    private final GrowthSpecialty specialty = new GrowthSpecialty();

    @Test
    void identity() {
        assertEquals("growth-development", specialty.id());
        assertEquals("生长发育", specialty.name().zh);
        assertEquals("Growth & development", specialty.name().en);
        assertEquals("PED-GROWTH", specialty.hl7Coding().code);
        assertEquals("Pediatric growth and development", specialty.hl7Coding().text);
        assertEquals("L", specialty.hl7Coding().codingSystem);
        assertTrue(specialty.noteTemplate().zh.contains("Z评分") && specialty.noteTemplate().en.contains("z-scores"));
    }

    @Test
    void questionnaireAsSpecified() {
        assertEquals("1", specialty.questionnaire().version);
        Map<String, Question> q = byId(specialty.questionnaire().questions);
        assertEquals(List.of("measurements", "motherHeightCm", "fatherHeightCm", "pubertySigns", "milestones",
                "developmentalRegression", "seizures", "concerns"), ids(specialty.questionnaire().questions));
        assertEquals(Type.GROUP_LIST, q.get("measurements").type);
        assertTrue(q.get("measurements").required);
        assertTrue(q.get("developmentalRegression").required);
        assertFalse(q.get("seizures").required);
        assertEquals(Type.BOOLEAN, q.get("seizures").type);
        assertEquals(1000.0, q.get("concerns").max);
        assertEquals(120.0, q.get("motherHeightCm").min);
        assertEquals(220.0, q.get("fatherHeightCm").max);
        assertEquals(List.of("BREAST_DEVELOPMENT", "PUBIC_HAIR", "TESTICULAR_ENLARGEMENT", "MENARCHE", "VOICE_CHANGE"),
                q.get("pubertySigns").options.stream().map(o -> o.value).collect(Collectors.toList()));
        assertEquals(List.of("SOCIAL_SMILE", "SITS_WITHOUT_SUPPORT", "WALKS_ALONE", "FIRST_WORDS", "TWO_WORD_PHRASES"),
                q.get("milestones").options.stream().map(o -> o.value).collect(Collectors.toList()));

        Map<String, Question> item = byId(q.get("measurements").items);
        assertEquals(List.of("date", "weightKg", "lengthHeightCm", "position", "headCm"), ids(q.get("measurements").items));
        assertTrue(item.get("date").required);
        assertEquals(Type.DATE, item.get("date").type);
        assertEquals(0.5, item.get("weightKg").min);
        assertEquals(150.0, item.get("weightKg").max);
        assertEquals(30.0, item.get("lengthHeightCm").min);
        assertEquals(220.0, item.get("lengthHeightCm").max);
        assertEquals(25.0, item.get("headCm").min);
        assertEquals(65.0, item.get("headCm").max);
        assertEquals(List.of("LYING", "STANDING"),
                item.get("position").options.stream().map(o -> o.value).collect(Collectors.toList()));
    }

    @Test
    void formularyIsVitaminDAndParacetamolForFever() {
        Map<String, FormularyEntry> f = formulary();
        assertEquals(Set.of("VITD3-400IU", "VITD3-600IU", "PARACETAMOL-SUSP"), f.keySet());
        for (FormularyEntry e : f.values()) {
            assertEquals(FormularyEntry.ControlledClass.NONE, e.controlledClass, e.code);
            assertEquals(Storage.AMBIENT, e.storage, e.code);
            assertEquals(Route.PO, e.route, e.code);
        }
    }

    @Test
    void vitaminDIsInInternationalUnitsOnceDailyNeverAbove1000IU() {
        Map<String, FormularyEntry> f = formulary();
        FormularyEntry infant = f.get("VITD3-400IU");
        FormularyEntry older = f.get("VITD3-600IU");
        assertEquals(400.0, infant.fixedMgPerDose);
        assertEquals(0, infant.minAgeMonths, "from the first days of life");
        assertEquals(600.0, older.fixedMgPerDose);
        assertEquals(12, older.minAgeMonths);
        for (FormularyEntry e : List.of(infant, older)) {
            assertEquals(Unit.IU, e.unit, e.code);
            assertNull(e.mgPerKgPerDose, e.code);
            assertEquals(1, e.maxDosesPerDay, e.code);
            assertEquals(1000.0, e.maxMgPerDay, e.code);
            assertTrue(e.fixedMgPerDose <= e.absoluteMaxMgPerDose && e.absoluteMaxMgPerDose <= e.maxMgPerDay, e.code);
            assertEquals("cholecalciferol", e.ingredient, e.code);
            assertEquals("vitamin-d", e.drugClass, e.code);
        }
    }

    @Test
    void paracetamolIs15MgPerKgUpTo4DosesAnd60MgPerKgADay() {
        FormularyEntry p = formulary().get("PARACETAMOL-SUSP");
        assertEquals(Unit.MG, p.unit);
        assertEquals(32.0, p.concentrationPerMl, "160 mg/5 mL");
        assertEquals(15.0, p.mgPerKgPerDose);
        assertEquals(1000.0, p.absoluteMaxMgPerDose);
        assertEquals(60.0, p.maxPerKgPerDay);
        assertEquals(4000.0, p.maxMgPerDay);
        assertEquals(4, p.maxDosesPerDay);
        assertEquals(4, p.minIntervalHours);
        assertEquals(3, p.maxCourseDays);
        assertEquals("paracetamol", p.ingredient);
        assertEquals("analgesic-antipyretic", p.drugClass);
        assertEquals(4 * p.mgPerKgPerDose, p.maxPerKgPerDay, "four full doses are the daily per-kg cap");
    }

    private Map<String, FormularyEntry> formulary() {
        return specialty.formulary().stream().collect(Collectors.toMap(e -> e.code, Function.identity()));
    }

    private static Map<String, Question> byId(List<Question> qs) {
        return qs.stream().collect(Collectors.toMap(x -> x.id, Function.identity()));
    }

    private static List<String> ids(List<Question> qs) {
        return qs.stream().map(x -> x.id).collect(Collectors.toList());
    }
}
