package org.pediconsult.specialty.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MostUrgentTriageTest {
    private static final LocalizedText NOTHING = LocalizedText.of("可以在线", "online is fine");
    private static final Finding SHORT = finding(TriageLevel.IN_PERSON, "short", "see endocrinology");
    private static final Finding FITS = finding(TriageLevel.EMERGENCY, "regression with seizures", "go to the ED");

    @Test
    void noFindingIsRemoteOkWithTheGivenAdvice() {
        TriageResult t = TriageResult.mostUrgent(List.of(), NOTHING);
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertEquals(NOTHING, t.advice);
    }

    @Test
    void theMostUrgentLevelWinsWhateverTheOrderAndAllReasonsAreListed() {
        TriageResult t = TriageResult.mostUrgent(List.of(SHORT, FITS), NOTHING);
        assertEquals(TriageLevel.EMERGENCY, t.level);
        assertEquals(List.of(SHORT.reason(), FITS.reason()), t.reasons);
        assertEquals("go to the ED", t.advice.en);
    }

    @Test
    void duplicateReasonsFromBothStandardsAreListedOnceAndAdviceOfEqualLevelsIsJoined() {
        Finding head = finding(TriageLevel.IN_PERSON, "big head", "see neurology");
        TriageResult t = TriageResult.mostUrgent(List.of(SHORT, SHORT, head), NOTHING);
        assertEquals(TriageLevel.IN_PERSON, t.level);
        assertEquals(2, t.reasons.size());
        assertEquals("see endocrinology; see neurology", t.advice.en);
    }

    private static Finding finding(TriageLevel level, String reason, String advice) {
        return new Finding(level, LocalizedText.of(reason, reason), LocalizedText.of(advice, advice));
    }
}
