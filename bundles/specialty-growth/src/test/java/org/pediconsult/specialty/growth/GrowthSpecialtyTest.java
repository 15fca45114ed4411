package org.pediconsult.specialty.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
    void formularyIsVitaminDOnlyAtRealisticFixedDoses() {
        List<FormularyEntry> f = specialty.formulary();
        assertTrue(f.size() >= 1 && f.size() <= 3);
        FormularyEntry infant = f.stream().filter(e -> e.minAgeMonths == 0).findFirst().orElseThrow();
        assertEquals(0.01, infant.fixedMgPerDose, 1e-12, "400 IU of vitamin D3 is 0.01 mg");
        assertNull(infant.mgPerKgPerDose);
        for (FormularyEntry e : f) {
            assertEquals(FormularyEntry.ControlledClass.NONE, e.controlledClass);
            assertNotNull(e.maxMgPerDay);
            assertTrue(e.fixedMgPerDose <= e.maxMgPerDay);
            assertTrue(e.maxMgPerDay <= 0.025, "never above the 1000 IU/day upper limit for infants: " + e.code);
        }
    }

    private static Map<String, Question> byId(List<Question> qs) {
        return qs.stream().collect(Collectors.toMap(x -> x.id, Function.identity()));
    }

    private static List<String> ids(List<Question> qs) {
        return qs.stream().map(x -> x.id).collect(Collectors.toList());
    }
}
