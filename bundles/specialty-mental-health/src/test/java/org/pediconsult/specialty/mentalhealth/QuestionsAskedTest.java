package org.pediconsult.specialty.mentalhealth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.Question;

/** Which questions a child is asked ({@link Question#askedOf}, as the platform validates): age bands and conditions. */
class QuestionsAskedTest {
    private static final Set<String> ALWAYS = Set.of("concerns", "concernWeeks");
    private static final Set<String> PHQ = Set.of("phq1", "phq2", "phq3", "phq4", "phq5", "phq6", "phq7", "phq8", "phq9",
            "pastMonthSeriousThoughts", "everAttempt");
    private static final Set<String> ASQ = Set.of("asq1", "asq2", "asq3", "asq4");

    private final List<Question> qs = new MentalHealthSpecialty().questionnaire().questions;

    private Set<String> asked(Screening s) {
        return asked(s.ageMonths(), s.answers());
    }

    private Set<String> asked(int ageMonths, Map<String, Object> answers) {
        return qs.stream().filter(q -> q.askedOf(ageMonths, answers, qs)).map(q -> q.id).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String>... sets) {
        return java.util.Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toSet());
    }

    @Test
    void nineYearOldIsAskedOnlyTheGuardianQuestions() {
        assertEquals(union(ALWAYS, Set.of("guardianSelfHarmTalk")), asked(Screening.aged(9, 11)));
    }

    @Test
    void guardianIsAskedAboutImmediateDangerOnlyAfterAYes() {
        assertEquals(union(ALWAYS, Set.of("guardianSelfHarmTalk", "guardianImmediateDanger")),
                asked(Screening.aged(7).put("guardianSelfHarmTalk", true)));
    }

    @Test
    void tenYearOldIsAskedTheAsqButNotThePhq() {
        assertEquals(union(ALWAYS, ASQ), asked(Screening.aged(10)));
        assertEquals(union(ALWAYS, ASQ), asked(Screening.aged(11, 11)));
    }

    @Test
    void twelveYearOldIsAskedBoth() {
        assertEquals(union(ALWAYS, ASQ, PHQ), asked(Screening.aged(12)));
        assertEquals(union(ALWAYS, ASQ, PHQ), asked(Screening.aged(17, 11)));
    }

    @Test
    void eighteenYearOldIsAskedNoSelfReport() {
        assertEquals(ALWAYS, asked(Screening.aged(18)));
    }

    @Test
    void asqAcuityIsAskedOnlyAfterAYesToOneToFour() {
        assertEquals(Set.of(), intersect(asked(Screening.aged(14)), Set.of("asq5")));
        for (String yes : List.of("asq1", "asq2", "asq3", "asq4")) {
            assertEquals(Set.of("asq5"), intersect(asked(Screening.aged(14).put(yes, true)), Set.of("asq5")), yes);
        }
        // not answered yet: not asked
        assertEquals(Set.of(), intersect(asked(Screening.aged(14).remove("asq1").remove("asq2")), Set.of("asq5")));
    }

    @Test
    void aYesToTheAsqOfANineYearOldAsksNothing() {
        // asq1 is not asked at 9 years, so a test of it is false
        assertEquals(Set.of(), intersect(asked(Screening.aged(9).put("asq1", true)), Set.of("asq1", "asq5")));
    }

    @Test
    void phqDifficultyIsAskedWhenAnyItemIsAboveZero() {
        assertEquals(Set.of(), intersect(asked(Screening.aged(14)), Set.of("phqDifficulty")));
        for (int i = 1; i <= 9; i++) {
            assertEquals(Set.of("phqDifficulty"),
                    intersect(asked(Screening.aged(14).put("phq" + i, "1")), Set.of("phqDifficulty")), "phq" + i);
        }
        assertEquals(Set.of("phqDifficulty"), intersect(asked(Screening.aged(14).put("phq7", "3")), Set.of("phqDifficulty")));
        // not at 11 years, whatever is answered
        assertEquals(Set.of(), intersect(asked(Screening.aged(11).put("phq1", "3")), Set.of("phq1", "phqDifficulty")));
    }

    @Test
    void otherConcernIsAskedWhenOtherIsChosen() {
        assertEquals(Set.of("concernsOther"),
                intersect(asked(Screening.aged(8).put("concerns", List.of("SLEEP", "OTHER"))), Set.of("concernsOther")));
        assertEquals(Set.of(), intersect(asked(Screening.aged(8).put("concerns", List.of("SLEEP"))), Set.of("concernsOther")));
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).collect(Collectors.toSet());
    }
}
