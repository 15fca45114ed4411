package org.pediconsult.prescription.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ObservationDTO;
import org.pediconsult.platform.api.security.AuthenticatedUser;

/** The newest weight wins, from the assessments (alone or in measurements[]) or the hospital; one entered by the physician wins over all. */
class ChildFactsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AuthenticatedUser DOCTOR = new AuthenticatedUser("dr.wang", java.util.EnumSet.of(
            org.pediconsult.platform.api.security.Role.PHYSICIAN));

    private static ChildRecords records(List<AssessmentDTO> assessments, List<ObservationDTO> observations) {
        return new ChildRecords() {
            public ChildDTO child(AuthenticatedUser caller, String childId) {
                return null;
            }

            public List<AssessmentDTO> assessments(AuthenticatedUser caller, String childId, String specialtyId) {
                return assessments;
            }

            public boolean isTreatingPhysician(AuthenticatedUser caller, String childId, String specialtyId) {
                return true;
            }

            public boolean isGuardian(AuthenticatedUser caller, String childId) {
                return false;
            }

            @Override
            public List<ObservationDTO> observations(AuthenticatedUser caller, String childId, String code) {
                return observations;
            }
        };
    }

    private static AssessmentDTO assessment(Map<String, Object> answers) {
        AssessmentDTO a = new AssessmentDTO();
        a.answers = answers;
        a.submittedAt = Instant.parse("2026-11-20T02:00:00Z");
        return a;
    }

    private static ObservationDTO weight(double kg, String at, String units) {
        ObservationDTO o = new ObservationDTO();
        o.numericValue = kg;
        o.observedAt = Instant.parse(at);
        o.units = units;
        return o;
    }

    @Test
    void theNewestOfAssessmentsMeasurementsAndTheHospitalWins() {
        ChildRecords r = records(List.of(
                assessment(Map.of("date", "2026-11-01", "weightKg", 17.0)),
                assessment(Map.of("measurements", List.of(Map.of("date", "2026-11-25", "weightKg", 18.5),
                        Map.of("date", "2026-10-01", "weightKg", 16.0))))),
                List.of(weight(18.0, "2026-11-10T01:00:00Z", "kg")));
        ChildFacts.Weight w = ChildFacts.weight(r, DOCTOR, "k", "s", null, null, ZONE);
        assertEquals(18.5, w.kg());
        assertEquals(LocalDate.of(2026, 11, 25), w.date());
        assertEquals("ASSESSMENT", w.source());

        ChildFacts.Weight his = ChildFacts.weight(records(List.of(assessment(Map.of("date", "2026-11-01", "weightKg", 17.0))),
                List.of(weight(18.0, "2026-11-30T01:00:00Z", "kg"))), DOCTOR, "k", "s", null, null, ZONE);
        assertEquals("HIS", his.source());
        assertEquals(18.0, his.kg());
    }

    @Test
    void aWeightTheAnswersDoNotDateTakesTheSubmissionDayAndGramsFromTheHospitalAreIgnored() {
        ChildFacts.Weight w = ChildFacts.weight(records(List.of(assessment(Map.of("weightKg", 12.0))),
                List.of(weight(12000, "2026-11-30T01:00:00Z", "g"))), DOCTOR, "k", "s", null, null, ZONE);
        assertEquals(12.0, w.kg());
        assertEquals(LocalDate.of(2026, 11, 20), w.date());
    }

    @Test
    void aWeightEnteredByThePhysicianWinsAndNoneAnywhereIsNone() {
        ChildRecords r = records(List.of(assessment(Map.of("date", "2026-12-03", "weightKg", 17.0))), List.of());
        ChildFacts.Weight w = ChildFacts.weight(r, DOCTOR, "k", "s", 17.4, LocalDate.of(2026, 12, 1), ZONE);
        assertEquals(17.4, w.kg());
        assertEquals("PHYSICIAN", w.source());
        assertNull(ChildFacts.weight(records(List.of(), List.of()), DOCTOR, "k", "s", null, null, ZONE).kg());
    }
}
