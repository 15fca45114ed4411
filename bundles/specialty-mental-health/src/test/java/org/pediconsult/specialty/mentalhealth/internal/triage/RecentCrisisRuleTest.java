package org.pediconsult.specialty.mentalhealth.internal.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.ChildContext.EarlierConsultation;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.Urgency;

class RecentCrisisRuleTest {
    private static final LocalDate ON = LocalDate.of(2024, 3, 1);
    private final RecentCrisisRule rule = new RecentCrisisRule();

    private static EarlierConsultation on(LocalDate date, TriageLevel level) {
        return new EarlierConsultation(date, "INITIAL", "COMPLETED", level, null);
    }

    @Test
    void ninetyDaysAgoIsInsideAcrossALeapDay() {
        Referral r = rule.evaluate(List.of(on(ON.minusDays(90), TriageLevel.EMERGENCY)), ON).orElseThrow();
        assertEquals(TriageLevel.IN_PERSON, r.level());
        assertEquals(Urgency.WITHIN_72_HOURS, r.urgency());
        assertEquals(Referral.MENTAL_HEALTH_CLINIC, r.destination());
    }

    @Test
    void ninetyOneDaysAgoIsOutside() {
        assertTrue(rule.evaluate(List.of(on(ON.minusDays(91), TriageLevel.EMERGENCY)), ON).isEmpty());
    }

    @Test
    void anyRecentEmergencyCountsNotOnlyTheNewest() {
        assertTrue(rule.evaluate(List.of(on(ON.minusDays(3), TriageLevel.REMOTE_OK), on(ON.minusDays(40), null),
                on(ON.minusDays(60), TriageLevel.EMERGENCY)), ON).isPresent());
    }

    @Test
    void otherLevelsUndatedOrFutureConsultationsDoNotCount() {
        assertTrue(rule.evaluate(List.of(on(ON.minusDays(1), TriageLevel.IN_PERSON), on(ON.minusDays(1), null),
                on(null, TriageLevel.EMERGENCY), on(ON.plusDays(1), TriageLevel.EMERGENCY)), ON).isEmpty());
        assertTrue(rule.evaluate(List.of(), ON).isEmpty());
    }
}
