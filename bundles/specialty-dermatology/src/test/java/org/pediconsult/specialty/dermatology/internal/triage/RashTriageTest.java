package org.pediconsult.specialty.dermatology.internal.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.dermatology.testing.Answers;

class RashTriageTest {
    private final RashTriage triage = new RashTriage();

    private TriageResult triage(Answers a) {
        return triage.triage(a.input());
    }

    private static boolean mentions(TriageResult r, String english) {
        return r.reasons.stream().map(t -> t.en).anyMatch(en -> en.contains(english));
    }

    @Test
    void calmRashIsRemoteWithSafetyNetAdvice() {
        TriageResult r = triage(Answers.calm());
        assertEquals(TriageLevel.REMOTE_OK, r.level);
        assertTrue(r.reasons.isEmpty());
        assertTrue(r.advice.en.contains("non-blanching"), r.advice.en);
    }

    @Test
    void feverWithNonBlanchingSpotsIsEmergency() {
        TriageResult r = triage(Answers.calm().fever().with("nonBlanchingSpots", true));
        assertEquals(TriageLevel.EMERGENCY, r.level);
        assertTrue(mentions(r, "meningococcal"));
        assertTrue(mentions(r, "fever with a rash"), "every reason is listed, not only the worst");
        assertTrue(r.reasons.get(0).en.contains("meningococcal"), "most urgent reason first");
        assertTrue(r.advice.en.contains("120"));
    }

    @Test
    void nonBlanchingSpotsWithoutFeverIsInPerson() {
        TriageResult r = triage(Answers.calm().with("nonBlanchingSpots", true));
        assertEquals(TriageLevel.IN_PERSON, r.level);
        assertFalse(mentions(r, "meningococcal"));
    }

    @Test
    void measuredFeverCountsEvenWhenAnsweredNo() {
        TriageResult r = triage(Answers.calm().with("temperatureC", 38.0).with("nonBlanchingSpots", true));
        assertEquals(TriageLevel.EMERGENCY, r.level);
        assertEquals(TriageLevel.IN_PERSON,
                triage(Answers.calm().with("temperatureC", 37.9).with("nonBlanchingSpots", true)).level);
    }

    @Test
    void feverWithAnyRashIsAtLeastInPerson() {
        TriageResult r = triage(Answers.calm().fever());
        assertEquals(TriageLevel.IN_PERSON, r.level);
        assertTrue(mentions(r, "fever with a rash"));
    }

    @Test
    void mucosalInvolvementOrBlisteringWithoutFeverIsInPerson() {
        assertEquals(TriageLevel.IN_PERSON, triage(Answers.calm().with("mucosalInvolvement", true)).level);
        assertEquals(TriageLevel.IN_PERSON, triage(Answers.calm().with("blistering", true)).level);
        assertEquals(TriageLevel.IN_PERSON,
                triage(Answers.calm().with("mucosalInvolvement", true).with("blistering", true)).level);
    }

    @Test
    void mucosalInvolvementAndBlisteringWithFeverIsEmergency() {
        TriageResult r = triage(Answers.calm().fever().with("mucosalInvolvement", true).with("blistering", true));
        assertEquals(TriageLevel.EMERGENCY, r.level);
        assertTrue(mentions(r, "Stevens-Johnson"));
    }

    @Test
    void onlyOneOfMucosalOrBlisteringWithFeverStaysInPerson() {
        assertEquals(TriageLevel.IN_PERSON, triage(Answers.calm().fever().with("mucosalInvolvement", true)).level);
        assertEquals(TriageLevel.IN_PERSON, triage(Answers.calm().fever().with("blistering", true)).level);
    }

    @Test
    void infantOf89DaysWithRashIsInPersonButNot90Days() {
        assertEquals(TriageLevel.IN_PERSON, triage(Answers.calm().ageInDays(89)).level);
        assertTrue(mentions(triage(Answers.calm().ageInDays(89)), "under 3 months"));
        assertEquals(TriageLevel.REMOTE_OK, triage(Answers.calm().ageInDays(90)).level);
    }

    @Test
    void febrileInfantUnder90DaysIsEmergency() {
        assertEquals(TriageLevel.EMERGENCY, triage(Answers.calm().ageInDays(89).fever()).level);
        assertEquals(TriageLevel.IN_PERSON, triage(Answers.calm().ageInDays(90).fever()).level);
    }

    @Test
    void rapidlySpreadingRednessIsInPersonAndWithFeverEmergency() {
        TriageResult calm = triage(Answers.calm().with("rapidlySpreadingRedness", true));
        assertEquals(TriageLevel.IN_PERSON, calm.level);
        assertTrue(mentions(calm, "cellulitis"));
        assertEquals(TriageLevel.EMERGENCY, triage(Answers.calm().fever().with("rapidlySpreadingRedness", true)).level);
    }

    @Test
    void eczemaHerpeticumSignsAreEmergencyEvenWithoutFever() {
        TriageResult r = triage(Answers.calm().with("eczemaWithPainfulPunchedOutSores", true));
        assertEquals(TriageLevel.EMERGENCY, r.level);
        assertTrue(mentions(r, "eczema herpeticum"));
    }

    @Test
    void everyReasonIsBilingualAndNamesNoPatient() {
        TriageResult r = triage(Answers.calm().ageInDays(30).fever().with("nonBlanchingSpots", true)
                .with("mucosalInvolvement", true).with("blistering", true).with("rapidlySpreadingRedness", true)
                .with("eczemaWithPainfulPunchedOutSores", true).with("notes", "唐小明 has a rash"));
        assertEquals(TriageLevel.EMERGENCY, r.level);
        assertEquals(7, r.reasons.size(), r.reasons.toString());
        for (LocalizedText reason : r.reasons) {
            assertFalse(reason.zh.isBlank() || reason.en.isBlank());
            assertFalse(reason.en.contains("唐") || reason.zh.contains("唐"));
        }
    }

    @Test
    void missingOptionalAnswersCountAsNo() {
        assertEquals(TriageLevel.REMOTE_OK, triage(Answers.calm().without("itch").without("location")).level);
    }
}
