package org.pediconsult.consultation.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PilotScopeTest {

    private static final LocalDate START = LocalDate.parse("2026-01-01");
    private static final LocalDate END = LocalDate.parse("2026-12-31");

    private final PilotScope scope = new PilotScope(START, END, Set.of("hosp-a", "hosp-b"),
            Set.of("dermatology", "respiratory"));

    @Test
    void firstAndLastDayOfTheWindowAreInside() {
        assertTrue(scope.initialConsultAllowed(START, "dermatology").allowed());
        assertTrue(scope.initialConsultAllowed(END, "respiratory").allowed());
    }

    @Test
    void dayBeforeTheWindowIsRefused() {
        RuleDecision d = scope.initialConsultAllowed(START.minusDays(1), "dermatology");
        assertFalse(d.allowed());
        assertEquals("pilot-window", d.rule());
        assertEquals("2025-12-31 is outside the pilot window 2026-01-01 to 2026-12-31 (inclusive);"
                + " outside the pilot only follow-ups are allowed", d.reasonEn());
        assertTrue(d.reasonZh().contains("2025-12-31不在试点期间2026-01-01至2026-12-31"), d.reasonZh());
    }

    @Test
    void dayAfterTheWindowIsRefused() {
        RuleDecision d = scope.initialConsultAllowed(END.plusDays(1), "dermatology");
        assertFalse(d.allowed());
        assertEquals("pilot-window", d.rule());
        assertTrue(d.reasonEn().startsWith("2027-01-01 is outside"), d.reasonEn());
    }

    @Test
    void specialtyOutsideThePilotIsRefused() {
        RuleDecision d = scope.initialConsultAllowed(START, "cardiology");
        assertFalse(d.allowed());
        assertEquals("pilot-specialty", d.rule());
        assertEquals("specialty 'cardiology' is not in the pilot (pilot specialties: dermatology, respiratory);"
                + " outside the pilot only follow-ups are allowed", d.reasonEn());
        assertTrue(d.reasonZh().contains("专科'cardiology'不在试点范围内"), d.reasonZh());
        assertEquals("pilot-specialty", scope.initialConsultAllowed(START, null).rule());
    }

    @Test
    void windowIsCheckedBeforeSpecialty() {
        assertEquals("pilot-window", scope.initialConsultAllowed(END.plusDays(1), "cardiology").rule());
    }

    @Test
    void singleDayWindowIsValid() {
        PilotScope oneDay = new PilotScope(START, START, Set.of(), Set.of("dermatology"));
        assertTrue(oneDay.initialConsultAllowed(START, "dermatology").allowed());
        assertFalse(oneDay.initialConsultAllowed(START.plusDays(1), "dermatology").allowed());
    }

    @Test
    void startAfterEndIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new PilotScope(END, START, Set.of(), Set.of()));
    }

    @Test
    void institutionMembership() {
        assertTrue(scope.institutionInPilot("hosp-a"));
        assertFalse(scope.institutionInPilot("hosp-z"));
        assertFalse(scope.institutionInPilot(null));
    }

    @Test
    void followUpsStayAllowedOutsideTheScopeButNotForARetiredSpecialty() {
        assertTrue(scope.followUpAllowed("cardiology").allowed(), "not offered: continuity of care");
        PilotScope withRetired = PilotScope.parse("2026-01-01", "2026-06-30", "hosp-a", "dermatology,respiratory",
                "respiratory");
        assertTrue(withRetired.followUpAllowed("dermatology").allowed());
        assertEquals("specialty-retired", withRetired.followUpAllowed("respiratory").rule());
    }

    @Test
    void aSpecialtyIsOfferedRetiredOrInstalledButNotOffered() {
        PilotScope s = PilotScope.parse("2026-01-01", "2026-06-30", "hosp-a", "dermatology, respiratory",
                "respiratory, nutrition");
        assertEquals(PilotScope.Status.OFFERED, s.status("dermatology"));
        assertEquals(PilotScope.Status.RETIRED, s.status("respiratory"), "retired wins over offered");
        assertEquals(PilotScope.Status.RETIRED, s.status("nutrition"));
        assertEquals(PilotScope.Status.NOT_OFFERED, s.status("mental-health"));
        assertEquals(java.util.Set.of("dermatology"), s.specialtyIds());
    }

    @Test
    void aRetiredSpecialtyTakesNoNewAssessmentButItsOpenConsultationsAreBooked() {
        PilotScope s = PilotScope.parse("2026-01-01", "2026-06-30", "hosp-a", "dermatology", "respiratory");
        LocalDate inside = LocalDate.of(2026, 3, 1);
        RuleDecision refused = s.initialConsultAllowed(inside, "respiratory");
        assertEquals("specialty-retired", refused.rule());
        assertTrue(s.initialBookingAllowed(inside, "respiratory").allowed());
        assertEquals("pilot-window", s.initialBookingAllowed(LocalDate.of(2026, 7, 1), "respiratory").rule(),
                "the window still holds for a retired specialty's bookings");
        assertEquals("pilot-specialty", s.initialBookingAllowed(inside, "cardiology").rule(),
                "a specialty taken out of the scope altogether books nothing");
        assertTrue(s.initialBookingAllowed(inside, "dermatology").allowed());
    }

    @Test
    void parseTrimsAndIgnoresEmptyItems() {
        PilotScope parsed = PilotScope.parse(" 2026-01-01 ", "2026-06-30", " hosp-a, ,hosp-b,, ", "dermatology ,");
        assertEquals(START, parsed.start());
        assertEquals(LocalDate.parse("2026-06-30"), parsed.end());
        assertEquals(Set.of("hosp-a", "hosp-b"), parsed.institutions());
        assertEquals(Set.of("dermatology"), parsed.specialtyIds());
        assertTrue(parsed.institutionInPilot("hosp-b"));
    }

    @Test
    void parseOfEmptyListsGivesEmptySets() {
        PilotScope parsed = PilotScope.parse("2026-01-01", "2026-01-02", "", null);
        assertTrue(parsed.institutions().isEmpty());
        assertTrue(parsed.specialtyIds().isEmpty());
    }

    @Test
    void parseRejectsBadDatesNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PilotScope.parse("2026-13-01", "2026-12-31", "", ""));
        assertTrue(e.getMessage().startsWith("start: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PilotScope.parse("2026-01-01", " ", "", ""));
        assertTrue(e.getMessage().startsWith("end: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PilotScope.parse("2026-12-31", "2026-01-01", "", ""));
    }

    @Test
    void setsAreCopiedAndUnmodifiable() {
        Set<String> institutions = new HashSet<>(Set.of("hosp-a"));
        PilotScope s = new PilotScope(START, END, institutions, Set.of());
        institutions.add("hosp-z");
        assertFalse(s.institutionInPilot("hosp-z"));
        assertThrows(UnsupportedOperationException.class, () -> s.institutions().add("hosp-y"));
    }
}
