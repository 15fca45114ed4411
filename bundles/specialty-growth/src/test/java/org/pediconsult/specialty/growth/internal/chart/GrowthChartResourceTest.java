package org.pediconsult.specialty.growth.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.specialty.growth.GrowthAnswers.answers;
import static org.pediconsult.specialty.growth.GrowthAnswers.measurement;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.growth.who.GrowthStandards;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

class GrowthChartResourceTest {
    private static final String CHILD = "7f1d7c36-0c55-4e4c-9d0e-3a1f2b7b9a11";
    private static final LocalDate BIRTH = LocalDate.of(2021, 3, 1);
    private final FakeChildRecords records = new FakeChildRecords();
    private final GrowthChartResource resource = new GrowthChartResource(records,
            new GrowthChartBuilder(GrowthStandards.who()));
    private final SecurityContext guardian = security(new AuthenticatedUser("guardian.tang", Set.of(Role.GUARDIAN)));

    @Test
    void missingChildIs400NamingChild() {
        ProblemException e = assertThrows(ProblemException.class, () -> resource.chart(guardian, null, "weight-for-age"));
        assertEquals(400, e.status());
        assertEquals("child", e.field());
    }

    @Test
    void unknownIndicatorIs400NamingIndicator() {
        ProblemException e = assertThrows(ProblemException.class, () -> resource.chart(guardian, CHILD, "height"));
        assertEquals(400, e.status());
        assertEquals("indicator", e.field());
        assertTrue(e.getMessage().contains("weight-for-length-height"), e.getMessage());
    }

    @Test
    void someoneElsesChildIs404FromTheObjectCheck() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> resource.chart(guardian, "00000000-0000-4000-8000-000000000000", "weight-for-age"));
        assertEquals(404, e.status());
        assertTrue(records.assessmentsRead.isEmpty(), "no assessment is read for a child the caller may not see");
    }

    @Test
    void childOfUnrecordedSexHasNoWhoChart() {
        records.child.sex = "UNKNOWN";
        ProblemException e = assertThrows(ProblemException.class, () -> resource.chart(guardian, CHILD, "weight-for-age"));
        assertEquals(422, e.status());
    }

    @Test
    void weightForAgeHasEveryDatedWeightOnceWithItsZAndSevenCurvesFromBirthToFiveYears() {
        GrowthChart chart = resource.chart(guardian, CHILD, "weight-for-age");
        assertEquals(List.of("growth-development"), records.assessmentsRead);
        assertEquals(CHILD, chart.childId);
        assertEquals("MALE", chart.sex);
        assertEquals("kg", chart.unit);
        assertEquals("ageDays", chart.xAxis);
        assertEquals(List.of("2022-03-01", "2023-03-01", "2024-03-01"), chart.points.stream().map(p -> p.date).toList());
        ChartPoint first = chart.points.get(0);
        assertEquals(365.0, first.x);
        assertEquals(9.8, first.value, "the later assessment's entry for a date replaces the earlier one");
        assertNotNull(first.z);
        assertTrue(Math.abs(first.z) < 0.5, "9.8 kg at one year is about the boys' median: " + first.z);
        assertEquals(List.of("-3", "-2", "-1", "0", "1", "2", "3"), new ArrayList<>(chart.curves.keySet()));
        List<double[]> median = chart.curves.get("0");
        assertEquals(0.0, median.get(0)[0]);
        assertTrue(median.get(median.size() - 1)[0] >= 1826, "at least five years");
        assertTrue(chart.curves.get("-3").get(10)[1] < median.get(10)[1]);
        assertTrue(median.get(10)[1] < chart.curves.get("3").get(10)[1]);
    }

    @Test
    void lengthHeightPointsArePlottedAsWhoMeasuresThemAtThatAge() {
        GrowthChart chart = resource.chart(guardian, CHILD, "length-height-for-age");
        assertEquals(List.of("2022-03-01", "2024-03-01"), chart.points.stream().map(p -> p.date).toList());
        assertEquals(75.7, chart.points.get(0).value, 1e-9, "a 1-year-old measured lying is on the length curve as is");
        assertEquals(96.1 - 0.7, chart.points.get(1).value, 1e-9, "a 3-year-old measured lying is plotted on the height curve");
    }

    @Test
    void headPointsWithoutAZOutsideTheTableStillCarryTheirValue() {
        records.assessments.add(assessment(Map.of("date", "2027-03-05", "headCm", 52.0)));
        GrowthChart chart = resource.chart(guardian, CHILD, "head-circumference-for-age");
        ChartPoint last = chart.points.get(chart.points.size() - 1);
        assertEquals(52.0, last.value);
        assertNull(last.z, "the WHO head circumference standard ends at five years");
    }

    @Test
    void weightForLengthHeightIsByCentimetre() {
        GrowthChart chart = resource.chart(guardian, CHILD, "weight-for-length-height");
        assertEquals("lengthHeightCm", chart.xAxis);
        assertEquals(2, chart.points.size(), "only the measurements with both weight and length");
        assertTrue(chart.curves.get("0").get(0)[0] <= 45.0 + 1e-9);
    }

    @Test
    void theBodySerialisesAsJsonWithPairsForCurves() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(resource.chart(guardian, CHILD, "bmi-for-age"));
        assertEquals("bmi-for-age", json.get("indicator").asText());
        assertEquals("kg/m2", json.get("unit").asText());
        assertEquals(2, json.get("curves").get("2").get(0).size());
        assertTrue(json.get("points").get(0).has("percentile"));
    }

    private static AssessmentDTO assessment(Map<String, Object> measurement) {
        AssessmentDTO a = new AssessmentDTO();
        a.childId = CHILD;
        a.specialtyId = "growth-development";
        a.answers = answers().with(measurement).build();
        a.submittedAt = Instant.parse("2024-03-10T08:00:00Z");
        return a;
    }

    private static SecurityContext security(Principal user) {
        return new SecurityContext() {
            public Principal getUserPrincipal() {
                return user;
            }

            public boolean isUserInRole(String role) {
                return false;
            }

            public boolean isSecure() {
                return true;
            }

            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    /** The guardian's one child, with two growth assessments (the second repeats and corrects a date). */
    private static final class FakeChildRecords implements ChildRecords {
        final ChildDTO child = new ChildDTO();
        final List<AssessmentDTO> assessments = new ArrayList<>();
        final List<String> assessmentsRead = new ArrayList<>();

        FakeChildRecords() {
            child.id = CHILD;
            child.sex = "MALE";
            child.birthDate = BIRTH;
            AssessmentDTO older = assessment(measurement(LocalDate.of(2022, 3, 1), 9.1, 75.0, "LYING", 46.0));
            AssessmentDTO newer = new AssessmentDTO();
            newer.answers = answers()
                    .with(measurement(LocalDate.of(2022, 3, 1), 9.8, 75.7, "LYING", 46.1))
                    .with(measurement(LocalDate.of(2023, 3, 1), 12.0, null, null, 48.0))
                    .with(measurement(LocalDate.of(2024, 3, 1), 14.2, 96.1, "LYING", 49.4)).build();
            assessments.add(older);
            assessments.add(newer);
        }

        @Override
        public ChildDTO child(AuthenticatedUser caller, String childId) {
            if (!CHILD.equals(childId)) {
                throw ProblemException.notFound("child");
            }
            return child;
        }

        @Override
        public List<AssessmentDTO> assessments(AuthenticatedUser caller, String childId, String specialtyId) {
            child(caller, childId);
            assessmentsRead.add(specialtyId);
            return assessments;
        }

        @Override
        public boolean isTreatingPhysician(AuthenticatedUser caller, String childId, String specialtyId) {
            return false;
        }

        @Override
        public boolean isGuardian(AuthenticatedUser caller, String childId) {
            return CHILD.equals(childId);
        }
    }
}
