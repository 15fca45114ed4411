package org.pediconsult.specialty.mentalhealth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.Destination;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.api.Urgency;

/** triage() end to end: each rule, the fold (level, urgency, destination), the context rule and REMOTE_OK. */
class MentalHealthTriageTest {
    private final MentalHealthSpecialty specialty = new MentalHealthSpecialty();

    private TriageResult triage(Screening s) {
        return specialty.triage(s.input());
    }

    private static List<String> reasons(TriageResult t) {
        return t.reasons.stream().map(r -> r.en).collect(Collectors.toList());
    }

    private static void assertCrisis(TriageResult t) {
        assertEquals(TriageLevel.EMERGENCY, t.level);
        assertEquals(Urgency.IMMEDIATE, t.urgency);
        assertEquals(Destination.Type.EMERGENCY_DEPARTMENT, t.destination.type);
        assertEquals("emergency department (mental health crisis assessment)", t.destination.facility.en);
        assertEquals("急诊（精神心理危机评估）", t.destination.facility.zh);
        assertTrue(t.advice.en.contains("do not leave them alone"), t.advice.en);
        assertTrue(t.advice.en.contains("call 120"), t.advice.en);
        assertTrue(t.advice.en.contains("12356"), t.advice.en);
        assertTrue(t.advice.zh.contains("不要让孩子独处") && t.advice.zh.contains("120") && t.advice.zh.contains("12356"),
                t.advice.zh);
        assertFalse(t.advice.en.contains("within 24 hours"), "only the advice of the winning level: " + t.advice.en);
    }

    private static void assertClinic(TriageResult t, Urgency urgency) {
        assertEquals(TriageLevel.IN_PERSON, t.level);
        assertEquals(urgency, t.urgency);
        assertEquals(Destination.Type.MENTAL_HEALTH_SERVICE, t.destination.type);
        assertEquals("child and adolescent mental health clinic", t.destination.facility.en);
        assertEquals("儿童青少年精神心理门诊", t.destination.facility.zh);
    }

    @Test
    void asqAcutePositiveIsAnEmergency() {
        TriageResult t = triage(Screening.aged(15).put("asq2", true).put("asq5", true));
        assertCrisis(t);
        assertEquals(List.of("ASQ acute positive: the child has thoughts of killing themself right now"), reasons(t));
    }

    @Test
    void guardianReportingImmediateDangerIsAnEmergency() {
        TriageResult t = triage(Screening.aged(8).put("guardianSelfHarmTalk", true).put("guardianImmediateDanger", true));
        assertCrisis(t);
        assertEquals(List.of("the guardian thinks the child is in danger of hurting themself now or today"), reasons(t));
    }

    @Test
    void anEmergencyListsTheOtherReasonsToo() {
        TriageResult t = triage(Screening.aged(15).phq(22, 2).put("asq3", true).put("asq5", true)
                .put("pastMonthSeriousThoughts", true).earlier(10, TriageLevel.EMERGENCY));
        assertCrisis(t);
        assertEquals(List.of("ASQ acute positive: the child has thoughts of killing themself right now",
                "PHQ-A item 9: thoughts of being better off dead or of self-harm",
                "serious thoughts of ending their life in the past month",
                "a crisis (emergency) referral in the last 90 days",
                "the screening suggests an in-person assessment by a mental health specialist"), reasons(t));
    }

    @Test
    void asqNonAcutePositiveIsSeenWithinADay() {
        TriageResult t = triage(Screening.aged(11).put("asq1", true).put("asq5", false));
        assertClinic(t, Urgency.WITHIN_24_HOURS);
        assertEquals(1, t.reasons.size());
        assertTrue(reasons(t).get(0).startsWith("ASQ non-acute positive"), reasons(t)::toString);
        assertTrue(t.advice.en.contains("within 24 hours") && t.advice.zh.contains("24小时内"), t.advice.en);
    }

    @Test
    void aPastAttemptAloneIsANonAcutePositiveAsq() {
        assertClinic(triage(Screening.aged(13).put("asq4", true).put("asq5", false)), Urgency.WITHIN_24_HOURS);
    }

    @Test
    void phqItemNineOfOneIsSeenWithinADay() {
        TriageResult t = triage(Screening.aged(14).phq(1, 1));
        assertClinic(t, Urgency.WITHIN_24_HOURS);
        assertEquals(List.of("PHQ-A item 9: thoughts of being better off dead or of self-harm"), reasons(t));
    }

    @Test
    void phqItemNineOfZeroIsNoFinding() {
        assertEquals(TriageLevel.REMOTE_OK, triage(Screening.aged(14).phq(1, 0)).level);
    }

    @Test
    void seriousThoughtsInThePastMonthAreSeenWithinADay() {
        TriageResult t = triage(Screening.aged(16).put("pastMonthSeriousThoughts", true));
        assertClinic(t, Urgency.WITHIN_24_HOURS);
        assertEquals(List.of("serious thoughts of ending their life in the past month"), reasons(t));
    }

    @Test
    void aLifetimeAttemptIsSeenWithinADay() {
        TriageResult t = triage(Screening.aged(16).put("everAttempt", true));
        assertClinic(t, Urgency.WITHIN_24_HOURS);
        assertEquals(List.of("a suicide attempt at some time in their life"), reasons(t));
    }

    @Test
    void guardianReportingSelfHarmTalkWithoutImmediateDangerIsSeenWithinADay() {
        TriageResult t = triage(Screening.aged(6).put("guardianSelfHarmTalk", true).put("guardianImmediateDanger", false));
        assertClinic(t, Urgency.WITHIN_24_HOURS);
        assertEquals(1, t.reasons.size());
        assertTrue(reasons(t).get(0).startsWith("the guardian reports the child has talked about wanting to die"));
    }

    @Test
    void severePhqIsSeenWithinAWeek() {
        TriageResult t = triage(Screening.aged(15).phq(20, 0));
        assertClinic(t, Urgency.WITHIN_7_DAYS);
        assertEquals(List.of("the screening suggests an in-person assessment by a mental health specialist"), reasons(t));
        assertTrue(t.advice.en.contains("within 7 days"), t.advice.en);
    }

    @Test
    void phqOfNineteenIsRemoteWithFollowUpAdvice() {
        TriageResult t = triage(Screening.aged(15).phq(19, 0));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertTrue(t.reasons.isEmpty());
        assertNull(t.urgency);
        assertNull(t.destination);
        assertTrue(t.advice.en.contains("plan follow-up together"), t.advice.en);
    }

    @Test
    void severeDepressionWithItemNineTakesTheMoreUrgentWindow() {
        TriageResult t = triage(Screening.aged(15).phq(21, 1));
        assertClinic(t, Urgency.WITHIN_24_HOURS);
        assertEquals(2, t.reasons.size(), reasons(t)::toString);
        assertTrue(t.advice.en.contains("within 24 hours") && t.advice.en.contains("within 7 days"), t.advice.en);
    }

    @Test
    void anEmergencyReferralWithinNinetyDaysIsFollowedUpInPersonWithin72Hours() {
        for (int daysAgo : List.of(0, 1, 89, 90)) {
            TriageResult t = triage(Screening.aged(15).earlier(daysAgo, TriageLevel.EMERGENCY));
            assertClinic(t, Urgency.WITHIN_72_HOURS);
            assertEquals(List.of("a crisis (emergency) referral in the last 90 days"), reasons(t));
            assertTrue(t.advice.en.startsWith("a recent crisis referral: follow up in person"), t.advice.en);
        }
    }

    @Test
    void anEmergencyReferralMoreThanNinetyDaysAgoDoesNotCount() {
        assertEquals(TriageLevel.REMOTE_OK, triage(Screening.aged(15).earlier(91, TriageLevel.EMERGENCY)).level);
        assertEquals(TriageLevel.REMOTE_OK, triage(Screening.aged(7).earlier(400, TriageLevel.EMERGENCY)).level);
    }

    @Test
    void anEarlierInPersonReferralIsNotACrisis() {
        assertEquals(TriageLevel.REMOTE_OK, triage(Screening.aged(15).earlier(5, TriageLevel.IN_PERSON)
                .earlier(6, TriageLevel.REMOTE_OK)).level);
    }

    @Test
    void theRecentCrisisRuleAppliesAtAnyAge() {
        assertClinic(triage(Screening.aged(6).earlier(30, TriageLevel.EMERGENCY)), Urgency.WITHIN_72_HOURS);
    }

    @Test
    void aRecentCrisisAndANonAcutePositiveAsqTakeTheShorterWindow() {
        TriageResult t = triage(Screening.aged(11).put("asq1", true).put("asq5", false).earlier(30, TriageLevel.EMERGENCY));
        assertClinic(t, Urgency.WITHIN_24_HOURS);
        assertEquals(2, t.reasons.size());
    }

    @Test
    void aMinimalPhqIsRemoteOk() {
        TriageResult t = triage(Screening.aged(15).phq(4, 0));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertTrue(t.advice.en.contains("advise on support"), t.advice.en);
        assertTrue(t.advice.en.contains("call 120"), "every advice has the safety net: " + t.advice.en);
    }

    @Test
    void aMildPhqIsRemoteOk() {
        TriageResult t = triage(Screening.aged(15).phq(5, 0));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertTrue(t.advice.en.contains("advise on support"), t.advice.en);
    }

    @Test
    void aModeratePhqIsRemoteOk() {
        TriageResult t = triage(Screening.aged(15).phq(10, 0));
        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertTrue(t.advice.en.contains("plan follow-up together"), t.advice.en);
    }

    @Test
    void theFamilyTextNeverNamesTheScoreOrItsBand() {
        for (int total : new int[] {0, 4, 5, 9, 10, 14, 15, 19, 20, 24}) {
            TriageResult t = triage(Screening.aged(15).phq(total, 0));
            String text = (t.advice.en + " " + t.advice.zh + " " + reasons(t)).toLowerCase(java.util.Locale.ROOT);
            for (String word : List.of("phq", "depressive", "minimal", "mild", "moderate", "severe", "抑郁", "轻度", "中度", "重度")) {
                assertFalse(text.contains(word), "the family's text says '" + word + "' at " + total + ": " + text);
            }
            assertFalse(java.util.regex.Pattern.compile("(?<![0-9])" + total + "(?![0-9])").matcher(text).find(),
                    "the family's text gives the total " + total + ": " + text);
        }
    }

    @Test
    void selfHarmNamedAsAConcernIsSeenInPersonWithin24HoursAtAnyAge() {
        for (Screening s : List.of(Screening.aged(6), Screening.aged(15).phq(0, 0))) {
            TriageResult t = triage(s.put("concerns", List.of("SELF_HARM")));
            assertClinic(t, Urgency.WITHIN_24_HOURS);
            assertTrue(reasons(t).contains("self-harm or talk of death is among the concerns"), reasons(t).toString());
        }
    }

    @Test
    void aYoungerChildWithoutFindingsGetsGeneralAdvice() {
        for (Screening s : List.of(Screening.aged(6), Screening.aged(11))) {
            TriageResult t = triage(s);
            assertEquals(TriageLevel.REMOTE_OK, t.level);
            assertTrue(t.advice.en.startsWith("suitable for an online consult: the doctor will ask about mood"), t.advice.en);
            assertTrue(t.advice.zh.contains("120"), t.advice.zh);
        }
    }

    @Test
    void answersToQuestionsNotAskedDriveNoRule() {
        // an ASQ acuity "yes" without a yes to 1-4, a guardian's danger report for a teenager, PHQ answers at 11 years
        assertEquals(TriageLevel.REMOTE_OK, triage(Screening.aged(15).put("asq5", true)).level);
        assertEquals(TriageLevel.REMOTE_OK, triage(Screening.aged(15).put("guardianSelfHarmTalk", true)
                .put("guardianImmediateDanger", true)).level);
        assertEquals(TriageLevel.REMOTE_OK, triage(Screening.aged(11).phq(27, 3)).level);
        assertEquals(TriageLevel.REMOTE_OK, triage(Screening.aged(7).put("guardianImmediateDanger", true)).level);
    }
}
