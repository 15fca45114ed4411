package com.example.hello.sleep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.ChildContext;
import org.pediconsult.specialty.api.Destination;
import org.pediconsult.specialty.api.FieldProblem;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Question;
import org.pediconsult.specialty.api.Respondent;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.api.Urgency;

/** Every rule at its edge, as the platform would call them: with answers that passed validation. */
class SleepTriageTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private final HelloSleepSpecialty specialty = new HelloSleepSpecialty();

    private static AssessmentInput child(int ageMonths, Respondent respondent, List<ChildContext.EarlierConsultation> earlier,
                                         Map<String, Object> answers) {
        ChildContext context = new ChildContext(AssessmentInput.Sex.FEMALE, TODAY.minusMonths(ageMonths), TODAY,
                respondent, List.of(), List.of(), earlier);
        return new AssessmentInput(context, answers);
    }

    private static AssessmentInput child(int ageMonths, Map<String, Object> answers) {
        return child(ageMonths, Respondent.GUARDIAN, List.of(), answers);
    }

    @Test
    void breathingPausesSendTheChildToASleepClinicWithinAWeek() {
        TriageResult t = specialty.triage(child(60, Map.of("sleepHours", 11, "snoring", true, "breathingPauses", true)));

        assertEquals(TriageLevel.IN_PERSON, t.level);
        assertEquals(List.of(LocalizedText.of("睡眠中呼吸暂停或憋气", "pauses in breathing or gasping during sleep")), t.reasons);
        assertEquals(Urgency.WITHIN_7_DAYS, t.effectiveUrgency());
        assertEquals(Destination.Type.SPECIALIST_OUTPATIENT, t.effectiveDestination().type);
        assertEquals(SleepTriage.SLEEP_CLINIC, t.destination);
    }

    @Test
    void snoringWithDaytimeSleepinessIsInPersonFromSixYears() {
        TriageResult t = specialty.triage(child(72, Map.of("sleepHours", 10, "snoring", true, "breathingPauses", false,
                "sleepyInClass", true)));

        assertEquals(TriageLevel.IN_PERSON, t.level);
        assertEquals("snoring with daytime sleepiness", t.reasons.get(0).en);
    }

    @Test
    void snoringAfterAnEarlierReferralIsInPerson() {
        List<ChildContext.EarlierConsultation> earlier = List.of(new ChildContext.EarlierConsultation(
                TODAY.minusMonths(4), "INITIAL", "REFERRED", TriageLevel.IN_PERSON, null));

        TriageResult t = specialty.triage(child(48, Respondent.GUARDIAN, earlier,
                Map.of("sleepHours", 11, "snoring", true, "breathingPauses", false)));

        assertEquals(TriageLevel.IN_PERSON, t.level);
        assertEquals("still snoring after an earlier referral for sleep", t.reasons.get(0).en);
    }

    @Test
    void shortSleepStaysOnlineWithItsReasonAndNoReferral() {
        // 9 hours is the fewest recommended from 6 years: 8 is short, 9 is not
        TriageResult shortSleep = specialty.triage(child(80, Map.of("sleepHours", 8, "snoring", false, "sleepyInClass", false)));
        TriageResult enough = specialty.triage(child(80, Map.of("sleepHours", 9, "snoring", false, "sleepyInClass", false)));

        assertEquals(TriageLevel.REMOTE_OK, shortSleep.level);
        assertEquals("less sleep than recommended for the age", shortSleep.reasons.get(0).en);
        assertNull(shortSleep.effectiveUrgency());
        assertNull(shortSleep.effectiveDestination());
        assertTrue(enough.reasons.isEmpty());
    }

    @Test
    void aChildAnsweringIsAddressedAsYou() {
        TriageResult t = specialty.triage(child(160, Respondent.CHILD, List.of(),
                Map.of("sleepHours", 9, "snoring", false, "sleepyInClass", false)));

        assertEquals(TriageLevel.REMOTE_OK, t.level);
        assertTrue(t.advice.en.startsWith("nothing in your answers"), t.advice.en);
    }

    @Test
    void breathingPausesIsAskedOnlyAfterSnoring() {
        List<Question> questions = HelloSleepSpecialty.QUESTIONNAIRE.questions;
        Question pauses = questions.get(2);

        assertTrue(pauses.askedOf(60, Map.of("snoring", true), questions));
        assertFalse(pauses.askedOf(60, Map.of("snoring", false), questions));
        assertFalse(questions.get(3).askedOf(71, Map.of(), questions));
    }

    @Test
    void moreThanEighteenHoursAfterTheFirstBirthdayIsRefusedInBothLanguages() {
        List<FieldProblem> problems = specialty.validate(child(24, Map.of("sleepHours", 19, "snoring", false)));

        assertEquals(1, problems.size());
        assertEquals("answers.sleepHours", problems.get(0).field);
        assertFalse(problems.get(0).message.zh.isEmpty());
        assertTrue(specialty.validate(child(11, Map.of("sleepHours", 19, "snoring", false))).isEmpty());
    }
}
