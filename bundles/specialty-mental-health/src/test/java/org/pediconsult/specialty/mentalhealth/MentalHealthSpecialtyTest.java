package org.pediconsult.specialty.mentalhealth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.Condition.Operator;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Question.Type;

/** The SPI surface: identity, coding, note, empty formulary, and the questionnaire's shape. */
class MentalHealthSpecialtyTest {
    private final MentalHealthSpecialty specialty = new MentalHealthSpecialty();
    private final List<Question> qs = specialty.questionnaire().questions;
    private final Map<String, Question> q = qs.stream().collect(Collectors.toMap(x -> x.id, Function.identity()));

    @Test
    void identity() {
        assertEquals("mental-health", specialty.id());
        assertEquals("儿童青少年心理健康筛查", specialty.name().zh);
        assertEquals("Child and adolescent mental health screening", specialty.name().en);
        assertEquals("PED-MH", specialty.hl7Coding().code);
        assertEquals("Child and adolescent mental health", specialty.hl7Coding().text);
        assertEquals("L", specialty.hl7Coding().codingSystem);
        assertTrue(specialty.noteTemplate().en.contains("Suicide risk and safety"));
        assertTrue(specialty.noteTemplate().zh.contains("自杀风险"));
        assertTrue(specialty.id().matches("[a-z0-9-]+"));
    }

    @Test
    void noOnlinePrescribing() {
        assertTrue(specialty.formulary().isEmpty());
    }

    @Test
    void questionsInOrder() {
        assertEquals("1", specialty.questionnaire().version);
        assertEquals(List.of("concerns", "concernsOther", "concernWeeks",
                "phq1", "phq2", "phq3", "phq4", "phq5", "phq6", "phq7", "phq8", "phq9", "phqDifficulty",
                "pastMonthSeriousThoughts", "everAttempt", "asq1", "asq2", "asq3", "asq4", "asq5",
                "guardianSelfHarmTalk", "guardianImmediateDanger"),
                qs.stream().map(x -> x.id).collect(Collectors.toList()));
    }

    @Test
    void concernsAndDuration() {
        Question concerns = q.get("concerns");
        assertEquals(Type.MULTI_CHOICE, concerns.type);
        assertTrue(concerns.required);
        assertNotNull(concerns.help);
        assertEquals(List.of("LOW_MOOD", "ANXIETY", "SLEEP", "SCHOOL_AVOIDANCE", "IRRITABILITY", "SELF_HARM", "EATING",
                "ATTENTION_BEHAVIOUR", "OTHER"), concerns.options.stream().map(o -> o.value).collect(Collectors.toList()));
        Question weeks = q.get("concernWeeks");
        assertEquals(Type.INTEGER, weeks.type);
        assertTrue(weeks.required);
        assertEquals(0.0, weeks.min);
        assertEquals(520.0, weeks.max);
        assertEquals("wk", weeks.unit);
        assertFalse(q.get("concernsOther").required);
        assertEquals(Operator.ANY_OF, q.get("concernsOther").shownWhen.operator());
    }

    @Test
    void phqItemsAreCodedChoicesForTwelveToEighteen() {
        List<String> adultItemCodes = List.of("44255-8", "44250-9", "44259-0", "44251-7", "44254-1", "44258-2", "44252-5",
                "44253-3", "44260-8");
        for (int i = 1; i <= 9; i++) {
            Question item = q.get("phq" + i);
            assertEquals(Type.CHOICE, item.type, item.id);
            assertTrue(item.required, item.id);
            assertEquals(adultItemCodes.get(i - 1), item.code.code, item.id);
            assertEquals("LN", item.code.codingSystem, item.id);
            assertEquals(144, item.minAgeMonths, item.id);
            assertEquals(216, item.maxAgeMonths, item.id);
            assertNull(item.shownWhen, item.id);
            assertTrue(item.help.en.contains("during the past two weeks"), item.id);
            assertEquals(List.of("0", "1", "2", "3"), item.options.stream().map(o -> o.value).collect(Collectors.toList()));
            assertEquals(List.of("Not at all", "Several days", "More than half the days", "Nearly every day"),
                    item.options.stream().map(o -> o.label.en).collect(Collectors.toList()));
            assertEquals(List.of("完全不会", "好几天", "一半以上的天数", "几乎每天"),
                    item.options.stream().map(o -> o.label.zh).collect(Collectors.toList()));
        }
        assertEquals("Feeling down, depressed, irritable, or hopeless?", q.get("phq1").label.en);
        assertEquals("Thoughts that you would be better off dead, or of hurting yourself in some way?", q.get("phq9").label.en);
    }

    @Test
    void phqSupplementaryQuestions() {
        Question difficulty = q.get("phqDifficulty");
        assertEquals("69722-7", difficulty.code.code);
        assertEquals(Operator.EITHER, difficulty.shownWhen.operator());
        assertEquals(9, difficulty.shownWhen.conditions().size());
        assertEquals(Set.of("phq1", "phq2", "phq3", "phq4", "phq5", "phq6", "phq7", "phq8", "phq9"),
                difficulty.shownWhen.questions());
        assertEquals(List.of("NOT_DIFFICULT", "SOMEWHAT", "VERY", "EXTREMELY"),
                difficulty.options.stream().map(o -> o.value).collect(Collectors.toList()));
        for (String id : List.of("pastMonthSeriousThoughts", "everAttempt")) {
            assertEquals(Type.BOOLEAN, q.get(id).type, id);
            assertTrue(q.get(id).required, id);
            assertEquals(144, q.get(id).minAgeMonths, id);
            assertEquals(216, q.get(id).maxAgeMonths, id);
        }
    }

    @Test
    void asqForTenToEighteenWithTheAcuityQuestionAfterAYes() {
        for (String id : List.of("asq1", "asq2", "asq3", "asq4", "asq5")) {
            assertEquals(Type.BOOLEAN, q.get(id).type, id);
            assertTrue(q.get(id).required, id);
            assertEquals(120, q.get(id).minAgeMonths, id);
            assertEquals(216, q.get(id).maxAgeMonths, id);
            assertNull(q.get(id).code, id + ": the ASQ has no LOINC codes");
        }
        assertEquals("In the past few weeks, have you wished you were dead?", q.get("asq1").label.en);
        assertEquals("Are you having thoughts of killing yourself right now?", q.get("asq5").label.en);
        assertEquals(Operator.EITHER, q.get("asq5").shownWhen.operator());
        assertEquals(Set.of("asq1", "asq2", "asq3", "asq4"), q.get("asq5").shownWhen.questions());
    }

    @Test
    void guardianQuestionsUnderTen() {
        Question talk = q.get("guardianSelfHarmTalk");
        assertNull(talk.minAgeMonths);
        assertEquals(120, talk.maxAgeMonths);
        assertTrue(talk.required);
        Question danger = q.get("guardianImmediateDanger");
        assertEquals(120, danger.maxAgeMonths);
        assertEquals(Operator.EQUALS, danger.shownWhen.operator());
        assertEquals("guardianSelfHarmTalk", danger.shownWhen.question());
        assertEquals(List.of(true), danger.shownWhen.values());
    }
}
