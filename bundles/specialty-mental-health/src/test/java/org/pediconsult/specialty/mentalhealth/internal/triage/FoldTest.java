package org.pediconsult.specialty.mentalhealth.internal.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.api.Urgency;

/** The fold: the urgency and destination are the most urgent of the referrals at the winning level only. */
class FoldTest {
    private static final LocalizedText NOTHING = LocalizedText.of("无", "nothing");

    private static Referral clinic(Urgency u, String reason) {
        return Referral.mentalHealthClinic(u, LocalizedText.of(reason, reason), LocalizedText.of("a" + u, "a" + u));
    }

    @Test
    void nothingFoundIsRemoteOkWithoutUrgencyOrDestination() {
        TriageResult t = MentalHealthTriage.fold(List.of(), NOTHING);
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertNull(t.urgency);
        assertNull(t.destination);
        assertEquals(NOTHING, t.advice);
    }

    @Test
    void theMostUrgentWindowWinsWhateverTheOrder() {
        assertEquals(Urgency.WITHIN_24_HOURS, MentalHealthTriage.fold(List.of(clinic(Urgency.WITHIN_7_DAYS, "a"),
                clinic(Urgency.WITHIN_24_HOURS, "b"), clinic(Urgency.WITHIN_72_HOURS, "c")), NOTHING).urgency);
        assertEquals(Urgency.WITHIN_72_HOURS, MentalHealthTriage.fold(List.of(clinic(Urgency.WITHIN_72_HOURS, "c"),
                clinic(Urgency.WITHIN_7_DAYS, "a")), NOTHING).urgency);
    }

    @Test
    void anEmergencyTakesItsOwnUrgencyAndDestination() {
        TriageResult t = MentalHealthTriage.fold(List.of(clinic(Urgency.WITHIN_24_HOURS, "a"),
                Referral.emergency(LocalizedText.of("e", "e"), LocalizedText.of("go", "go"))), NOTHING);
        assertEquals(TriageLevel.EMERGENCY, t.level);
        assertEquals(Urgency.IMMEDIATE, t.urgency);
        assertEquals(Referral.CRISIS_ED, t.destination);
        assertEquals("go", t.advice.en);
        assertEquals(2, t.reasons.size());
    }
}
