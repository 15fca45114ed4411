package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Before;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.pediconsult.specialty.api.Specialty;

/**
 * Container and helpers for the consultation tests: the pilot window opened wide, the test
 * specialty registered around each test, a second family's guardian login, and REST shortcuts.
 */
public abstract class ConsultationTestSupport extends PediConsultTestSupport {
    static final ZoneId PILOT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CFG = "etc/org.pediconsult.consultation.cfg";

    static final String SPECIALTY = "itest-allergy";
    private static final String SPECIALTY_BUNDLE = "org.pediconsult.itest.specialty";

    @Override
    protected Option[] extraOptions() {
        List<Option> options = new ArrayList<>(Arrays.asList(
                editConfigurationFilePut(CFG, "pilot.start", "2020-01-01"),
                editConfigurationFilePut(CFG, "pilot.end", "2099-12-31"),
                editConfigurationFilePut(CFG, "pilot.specialties", "growth-development,nutrition,dermatology," + SPECIALTY),
                systemProperty("pediconsult.test.specialty").value(System.getProperty("pediconsult.test.specialty")),
                systemProperty("pediconsult.mental.health").value(System.getProperty("pediconsult.mental.health", "")),
                editConfigurationFilePut("etc/users.properties", "guardian.liu", "pediconsult,GUARDIAN")));
        options.addAll(Arrays.asList(databaseOptions()));
        return options.toArray(new Option[0]);
    }

    /** H2 by default; the PostgreSQL class returns {@link #postgres(String)}. */
    protected Option[] databaseOptions() {
        return new Option[0];
    }

    /** The test specialty is a bundle of its own (integration-tests/test-specialty), installed like any plugin. */
    @Before
    public void installTestSpecialty() throws Exception {
        Bundle b = testSpecialtyBundle();
        if (b == null) {
            b = bundleContext.installBundle("file:" + System.getProperty("pediconsult.test.specialty"));
        }
        b.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> bundleContext.getServiceReferences(Specialty.class, null)
                .stream().anyMatch(r -> r.getBundle().getSymbolicName().equals(SPECIALTY_BUNDLE)));
    }

    protected Bundle testSpecialtyBundle() {
        for (Bundle b : bundleContext.getBundles()) {
            if (SPECIALTY_BUNDLE.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** Runs {@code check} while the test specialty's bundle is stopped, then starts it again. */
    protected void withoutTestSpecialty(Runnable check) throws Exception {
        testSpecialtyBundle().stop();
        try {
            check.run();
        } finally {
            installTestSpecialty();
        }
    }

    protected static Map<String, Object> mildAnswers() {
        return Map.of("fever", false, "rashDays", 3, "symptoms", List.of("ITCH"), "notes", "手臂上有红疹");
    }

    /** The demo child of guardian.tang (verified guardian and relationship). */
    protected static String demoChild(String guardianToken) throws Exception {
        Reply children = call("GET", "/api/children", guardianToken, null);
        assertEquals(children.text, 200, children.status);
        for (var child : children.json) {
            if ("小明".equals(child.path("givenName").asText())) {
                return child.path("id").asText();
            }
        }
        throw new AssertionError("demo child 唐小明 not found: " + children.text);
    }

    protected static String physicianId(String username) throws Exception {
        Reply all = call("GET", "/api/physicians", token("admin"), null);
        for (var p : all.json) {
            if (username.equals(p.path("username").asText())) {
                return p.path("id").asText();
            }
        }
        throw new AssertionError("physician " + username + " not found: " + all.text);
    }

    /** A new assessment of the demo child; answers the consultation. */
    protected static Reply assess(String guardianToken, Map<String, Object> answers) throws Exception {
        return call("POST", "/api/assessments", guardianToken,
                Map.of("childId", demoChild(guardianToken), "specialtyId", SPECIALTY, "answers", answers));
    }

    private static final AtomicLong NEXT_SLOT_MINUTES =
            new AtomicLong(ThreadLocalRandom.current().nextLong(20L * 24 * 60, 150L * 24 * 60));

    /**
     * A start time no other test in this container uses: 20 to 150 days ahead (a random start), each
     * call 37 minutes further than the last. Random minutes each time met now and then (the same start
     * twice answers 409 slot_exists), the more tests share a container the likelier.
     */
    protected static Instant uniqueFutureTime() {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(NEXT_SLOT_MINUTES.getAndAdd(37)));
    }


    /** Adds one slot (as admin) and answers its id. */
    protected static String slot(String physicianId, Instant startsAt) throws Exception {
        Reply r = call("POST", "/api/physicians/" + physicianId + "/slots", token("admin"),
                List.of(Map.of("startsAt", startsAt.toString(), "minutes", 30)));
        assertEquals(r.text, 201, r.status);
        return r.json.get(0).path("id").asText();
    }

    protected static LocalDate pilotDay(Instant t) {
        return t.atZone(PILOT_ZONE).toLocalDate();
    }

    /** Drives a fresh consultation of dr.wang to IN_PROGRESS and answers its id. */
    protected String consultInProgress(String guardian, String doctor) throws Exception {
        String id = assess(guardian, mildAnswers()).get("id");
        Reply booked = call("POST", "/api/consultations/" + id + "/booking", guardian,
                Map.of("slotId", slot(physicianId("dr.wang"), uniqueFutureTime())));
        assertEquals(booked.text, 200, booked.status);
        assertEquals(200, call("POST", "/api/consultations/" + id + "/waiting-room", guardian, null).status);
        Reply admitted = call("POST", "/api/consultations/" + id + "/admission", doctor, null);
        assertEquals(admitted.text, "IN_PROGRESS", admitted.get("state"));
        return id;
    }
}
