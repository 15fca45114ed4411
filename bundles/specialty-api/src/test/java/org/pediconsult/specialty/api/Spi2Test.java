package org.pediconsult.specialty.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** SPI 1.4: conditions, age bands, triage urgency and destination, the child context, localized problems. */
class Spi2Test {
    private static final LocalizedText L = LocalizedText.of("题", "q");

    @Test
    void conditionsTestAnswersOfEveryShape() {
        Map<String, Object> a = Map.of("n", 7, "d", 7.0, "c", "b", "m", List.of("x", "y"), "yes", true);
        assertTrue(Condition.atLeast("n", 7).test(a));
        assertFalse(Condition.atLeast("n", 7.5).test(a));
        assertTrue(Condition.atMost("d", 7).test(a));
        assertTrue(Condition.equalTo("n", 7.0).test(a), "7 and 7.0 are the same number from JSON");
        assertTrue(Condition.anyOf("c", "a", "b").test(a));
        assertTrue(Condition.anyOf("m", "y", "z").test(a), "one of a multi-choice's values");
        assertFalse(Condition.anyOf("m", "z").test(a));
        assertTrue(Condition.equalTo("yes", true).test(a));
        assertFalse(Condition.equalTo("missing", true).test(a));
        assertTrue(Condition.answered("c").test(a));
        assertTrue(Condition.either(Condition.equalTo("yes", false), Condition.answered("c")).test(a));
        assertFalse(Condition.all(Condition.equalTo("yes", true), Condition.answered("missing")).test(a));
        assertFalse(Condition.answered("c").test(a, id -> false), "a question not asked answers nothing");
        assertThrows(IllegalArgumentException.class, () -> new Condition("x", Condition.Operator.EQUALS, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Condition(null, Condition.Operator.EITHER, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Condition("n", Condition.Operator.AT_LEAST, List.of("7"), null),
                "a number test needs a number (JavaScript would compare 8 >= \"7\")");
    }

    @Test
    void aQuestionIsAskedInItsAgeBandWhenItsConditionHoldsOnAnAskedAnswer() {
        Question teen = Question.yesNo("teen", L, true).forAgeMonths(144, 216);
        Question follow = Question.yesNo("follow", L, true).shownWhen(Condition.equalTo("teen", true));
        List<Question> list = List.of(teen, follow);
        assertTrue(teen.askedOf(144, Map.of(), list));
        assertFalse(teen.askedOf(143, Map.of(), list));
        assertFalse(teen.askedOf(216, Map.of(), list), "the upper bound is exclusive");
        assertTrue(follow.askedOf(150, Map.of("teen", true), list));
        assertFalse(follow.askedOf(150, Map.of("teen", false), list));
        assertFalse(follow.askedOf(100, Map.of("teen", true), list), "its condition's question is not asked at 100 months");
        Question early = Question.yesNo("early", L, false).shownWhen(Condition.answered("late"));
        Question late = Question.yesNo("late", L, false);
        assertFalse(early.askedOf(150, Map.of("late", true), List.of(early, late)),
                "a condition on a later question is false: the form is filled in order");
        assertFalse(follow.askedOf(150, Map.of("teen", true), List.of(follow)), "a question not in the list has no earlier sibling");
        assertThrows(IllegalArgumentException.class, () -> new Questionnaire("1", List.of(early, late)),
                "a condition on a later question is refused when the questionnaire is built");
        assertThrows(IllegalArgumentException.class, () -> new Questionnaire("1", List.of(
                Question.yesNo("a", L, true), Question.groupList("g", L, false, List.of(
                        Question.yesNo("b", L, false).shownWhen(Condition.answered("a")))))),
                "a condition inside a group on a top-level question is refused");
        new Questionnaire("1", list);
        assertThrows(IllegalArgumentException.class, () -> Question.yesNo("x", L, true).forAgeMonths(10, 10));
        assertThrows(IllegalArgumentException.class,
                () -> Question.yesNo("x", L, true).shownWhen(Condition.either(Condition.answered("x"))));
        Question coded = Question.yesNo("c", L, true).withCode(new CodedValue("44250-9", "item", "LN"))
                .withHelp(LocalizedText.of("过去两周", "over the last two weeks")).forAgeMonths(null, 120);
        assertEquals("44250-9", coded.code.code);
        assertEquals("over the last two weeks", coded.help.en);
        assertNull(coded.minAgeMonths);
        assertEquals(120, coded.maxAgeMonths);
        assertTrue(coded.required, "the copy keeps what it had");
    }

    @Test
    void triageDefaultsToThePlatformsDestinationsAndAnEmergencyIsAlwaysImmediate() {
        TriageResult emergency = new TriageResult(TriageLevel.EMERGENCY, List.of(L), L).withUrgency(Urgency.WITHIN_7_DAYS);
        assertEquals(Urgency.IMMEDIATE, emergency.effectiveUrgency());
        assertEquals(Destination.EMERGENCY_DEPARTMENT, emergency.effectiveDestination());
        TriageResult inPerson = new TriageResult(TriageLevel.IN_PERSON, List.of(L), L);
        assertNull(inPerson.effectiveUrgency());
        assertEquals(Destination.PEDIATRIC_OUTPATIENT, inPerson.effectiveDestination());
        Destination mh = Destination.of(Destination.Type.MENTAL_HEALTH_SERVICE, LocalizedText.of("心理门诊", "mental health clinic"));
        TriageResult named = inPerson.withDestination(mh).withUrgency(Urgency.WITHIN_24_HOURS);
        assertEquals(mh, named.effectiveDestination());
        assertEquals(Urgency.WITHIN_24_HOURS, named.effectiveUrgency());
        assertEquals(inPerson.reasons, named.reasons);
        assertNull(TriageResult.remoteOk(L).effectiveDestination());
        assertEquals(Urgency.WITHIN_24_HOURS, Urgency.WITHIN_7_DAYS.max(Urgency.WITHIN_24_HOURS));
        assertEquals(Urgency.WITHIN_24_HOURS, Urgency.WITHIN_24_HOURS.max(null));
    }

    @Test
    void theOldConstructorGivesABasicContextAnsweredByTheGuardian() {
        AssessmentInput old = new AssessmentInput(AssessmentInput.Sex.FEMALE, LocalDate.parse("2014-06-01"),
                LocalDate.parse("2026-12-05"), Map.of("a", 1));
        assertEquals(Respondent.GUARDIAN, old.respondent());
        assertEquals(12, old.context.ageInYears());
        assertEquals(old.ageInMonths(), old.context.ageInMonths());
        assertTrue(old.context.measurements.isEmpty() && old.context.observations.isEmpty() && old.context.earlier.isEmpty());
        FieldProblem p = new FieldProblem("respondent", LocalizedText.of("须由青少年本人回答", "the adolescent answers"));
        assertEquals("the adolescent answers", p.detail);
        assertEquals("须由青少年本人回答", p.message.zh);
        assertNull(new FieldProblem("x", "old").message);
    }
}
