package org.pediconsult.specialty.mentalhealth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.specialty.api.Score;

/** scores(): the PHQ-A total and band at every boundary, and the ASQ result; each only when asked. */
class MentalHealthScoresTest {
    private final MentalHealthSpecialty specialty = new MentalHealthSpecialty();

    private Optional<Score> score(Screening s, String id) {
        return specialty.scores(s.input()).stream().filter(x -> x.id().equals(id)).findFirst();
    }

    @ParameterizedTest
    @CsvSource({
            "0, none-minimal, 无或极轻微",
            "4, none-minimal, 无或极轻微",
            "5, mild, 轻度",
            "9, mild, 轻度",
            "10, moderate, 中度",
            "14, moderate, 中度",
            "15, moderately severe, 中重度",
            "19, moderately severe, 中重度",
            "20, severe, 重度",
            "27, severe, 重度"})
    void phqATotalAndBand(int total, String en, String zh) {
        Score s = score(Screening.aged(15).phq(total, total >= 3 ? 3 : 0), "phq-a").orElseThrow();
        assertEquals(total, s.value());
        assertEquals(en, s.interpretation().en);
        assertEquals(zh, s.interpretation().zh);
        assertEquals(27.0, s.max());
        assertEquals(9, s.answered());
        assertEquals(9, s.items());
        assertEquals("89204-2", s.code().code);
        assertEquals("LN", s.code().codingSystem);
        assertTrue(s.name().en.contains("PHQ-9 modified for teens"));
    }

    @Test
    void theSupplementaryQuestionsAreNotAdded() {
        Score s = score(Screening.aged(15).phq(4, 0).put("pastMonthSeriousThoughts", true).put("everAttempt", true)
                .put("phqDifficulty", "EXTREMELY"), "phq-a").orElseThrow();
        assertEquals(4, s.value());
    }

    @Test
    void noPhqScoreWhenThePhqWasNotAsked() {
        assertTrue(score(Screening.aged(11), "phq-a").isEmpty());
        assertTrue(score(Screening.aged(9), "phq-a").isEmpty());
        // answers to questions not asked of an 11-year-old are not scored
        assertTrue(score(Screening.aged(11).phq(27, 3), "phq-a").isEmpty());
    }

    @Test
    void anIncompletePhqHasNoBand() {
        Score s = score(Screening.aged(15).phq(12, 0).remove("phq1"), "phq-a").orElseThrow();
        assertEquals(9, s.value());
        assertEquals(8, s.answered());
        assertNull(s.interpretation());
    }

    @Test
    void asqNegative() {
        Score s = score(Screening.aged(11), "asq").orElseThrow();
        assertEquals(0, s.value());
        assertEquals(4.0, s.max());
        assertEquals("negative", s.interpretation().en);
        assertEquals(4, s.answered());
        assertEquals(4, s.items());
        assertNull(s.code());
    }

    @Test
    void asqNonAcutePositive() {
        Score s = score(Screening.aged(11).put("asq1", true).put("asq4", true).put("asq5", false), "asq").orElseThrow();
        assertEquals(2, s.value());
        assertEquals("non-acute positive", s.interpretation().en);
        assertEquals("非急性阳性", s.interpretation().zh);
    }

    @Test
    void asqAcutePositive() {
        Score s = score(Screening.aged(16).put("asq3", true).put("asq5", true), "asq").orElseThrow();
        assertEquals(1, s.value());
        assertEquals("acute positive", s.interpretation().en);
    }

    @Test
    void anAcuityAnswerWithoutAYesIsNotRead() {
        // asq5 is not asked when 1-4 are all no: its answer counts for nothing
        assertEquals("negative", score(Screening.aged(16).put("asq5", true), "asq").orElseThrow().interpretation().en);
    }

    @Test
    void noScoresUnderTen() {
        assertEquals(List.of(), specialty.scores(Screening.aged(9).put("guardianSelfHarmTalk", true).input()));
    }

    @Test
    void bothScoresFromTwelve() {
        assertEquals(List.of("phq-a", "asq"), specialty.scores(Screening.aged(12).input()).stream().map(Score::id).toList());
    }
}
