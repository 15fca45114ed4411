package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.pediconsult.consultation.api.ConsultationSessions;

/**
 * A specialty added to and removed from a running distribution: as a bundle, and by dropping the
 * jar into deploy/. A client keeps calling other endpoints meanwhile and must see no failure. The
 * pilot scope changed live (etc/org.pediconsult.consultation.cfg edited as an operator does) during a
 * video call under 50 requests a second; the post-pilot mental-health specialty hot-added, offered by
 * a scope change, triaged EMERGENCY end to end, and removed with its consultations still readable
 * and cancellable.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SpecialtyHotPlugIT extends ConsultationTestSupport {

    /** The test specialty is installed per test here, not before each test. */
    @Override
    public void installTestSpecialty() {
    }

    /** Calls other endpoints in a loop until stopped; counts its calls and records every failure. */
    private static final class Bystander implements Runnable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger calls = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final String token;

        Bystander(String token) {
            this.token = token;
        }

        /** Waits until the bystander has completed another round of its calls, from now on. */
        void completesCalls(String when) {
            int now = calls.get();
            await("the bystander completes calls " + when).atMost(Duration.ofSeconds(60))
                    .until(() -> calls.get() >= now + 3);
        }

        @Override
        public void run() {
            while (running.get()) {
                for (String path : new String[] {"/api/children", "/api/physicians", "/api/specialties"}) {
                    try {
                        Reply r = call("GET", path, token, null);
                        if (r.status != 200) {
                            failures.add(path + " " + r);
                        }
                    } catch (Exception e) {
                        failures.add(path + " " + e);
                    }
                    calls.incrementAndGet();
                }
            }
        }
    }

    private boolean listed(String token) throws Exception {
        return call("GET", "/api/specialties", token, null).text.contains("\"id\":\"" + SPECIALTY + "\"");
    }

    @Test
    public void specialtyBundleInstalledAtRuntimeServesAndTriagesThenDisappears() throws Exception {
        String g = token("guardian.tang");
        assertFalse(listed(g));
        Bystander bystander = new Bystander(g);
        Thread client = new Thread(bystander, "bystander");
        client.start();
        try {
            bystander.completesCalls("before the install");
            Bundle b = bundleContext.installBundle("file:" + System.getProperty("pediconsult.test.specialty"));
            b.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> listed(g));
            bystander.completesCalls("with the specialty installed");
            Reply questionnaire = call("GET", "/api/specialties/" + SPECIALTY, g, null);
            assertEquals("rashDays", questionnaire.json.path("questionnaire").path("questions").get(2).path("id").asText());
            Reply triaged = assess(g, Map.of("fever", true, "temperatureC", 40.2, "rashDays", 1));
            assertEquals(triaged.text, "EMERGENCY", triaged.json.path("triage").path("level").asText());

            b.uninstall();
            await().atMost(Duration.ofSeconds(10)).until(() -> !listed(g));
            bystander.completesCalls("after the uninstall");
            Reply read = call("GET", "/api/consultations/" + triaged.get("id"), g, null);
            assertEquals("consults of a removed specialty stay readable", 200, read.status);
            assertEquals(404, call("GET", "/api/specialties/" + SPECIALTY, g, null).status);
        } finally {
            bystander.running.set(false);
            client.join(60_000);
        }
        assertFalse("the bystander ended", client.isAlive());
        assertEquals("failures seen by the bystander: " + bystander.failures, 0, bystander.failures.size());
    }

    @Test
    public void specialtyDroppedIntoDeployFolderAppearsAndGoesWhenRemoved() throws Exception {
        String g = token("guardian.tang");
        Path deploy = Paths.get(System.getProperty("karaf.base"), "deploy");
        Path jar = deploy.resolve("test-specialty.jar");
        Files.copy(Paths.get(System.getProperty("pediconsult.test.specialty")), jar, StandardCopyOption.REPLACE_EXISTING);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> listed(g));
        } finally {
            Files.delete(jar);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !listed(g));
    }

    /** The scope's file in the container (karaf.base is known only there, not where the test class is loaded first). */
    private static Path scopeFile() {
        return Paths.get(System.getProperty("karaf.base"), "etc", "org.pediconsult.consultation.cfg");
    }

    /** Sets keys of etc/org.pediconsult.consultation.cfg as an operator does (Karaf's file install picks it up). */
    private static void editScope(Map<String, String> values) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(scopeFile()));
        for (Map.Entry<String, String> e : values.entrySet()) {
            boolean found = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(e.getKey()) + "\\s*=.*")) {
                    lines.set(i, e.getKey() + " = " + e.getValue());
                    found = true;
                }
            }
            if (!found) {
                lines.add(e.getKey() + " = " + e.getValue());
            }
        }
        Path tmp = scopeFile().resolveSibling("scope-edit.tmp");
        Files.write(tmp, lines);
        Files.move(tmp, scopeFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String status(String token, String specialty) throws Exception {
        for (JsonNode s : call("GET", "/api/specialties", token, null).json) {
            if (specialty.equals(s.path("id").asText())) {
                return s.path("status").asText();
            }
        }
        return "ABSENT";
    }

    /** Calls at a steady rate from several accounts (each under its own rate limit) and records every failure. */
    private static final class Load implements AutoCloseable {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService callers = Executors.newFixedThreadPool(6);

        Load(int perSecond, List<String[]> tokenAndPaths) {
            AtomicInteger next = new AtomicInteger();
            ticker.scheduleAtFixedRate(() -> {
                String[] target = tokenAndPaths.get(Math.floorMod(next.getAndIncrement(), tokenAndPaths.size()));
                callers.execute(() -> {
                    try {
                        Reply r = call("GET", target[1], target[0], null);
                        if (r.status != 200) {
                            failures.add(target[1] + " " + r.status + " " + r.text);
                        }
                    } catch (Exception e) {
                        failures.add(target[1] + " " + e);
                    }
                    calls.incrementAndGet();
                });
            }, 0, 1000 / perSecond, TimeUnit.MILLISECONDS);
        }

        void completes(int more, String when) {
            int now = calls.get();
            await("the load completes calls " + when).atMost(Duration.ofSeconds(60)).until(() -> calls.get() >= now + more);
        }

        @Override
        public void close() throws Exception {
            ticker.shutdownNow();
            callers.shutdown();
            callers.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Test
    public void theScopeChangesLiveDuringAVideoCallUnderLoadAndNothingIsCutOrRestarted() throws Exception {
        super.installTestSpecialty();
        String guardian = token("guardian.tang");
        String doctor = token("dr.wang");
        String other = token("guardian.li");
        String id = consultInProgress(guardian, doctor);
        SignalingClient physician = SignalingClient.join(httpPort(),
                call("POST", "/api/consultations/" + id + "/room-token", doctor, null).get("token"));
        assertEquals("PHYSICIAN", physician.next("welcome").path("role").asText());
        SignalingClient family = SignalingClient.join(httpPort(),
                call("POST", "/api/consultations/" + id + "/room-token", guardian, null).get("token"));
        assertTrue(family.next("welcome").path("admitted").asBoolean());
        assertEquals("GUARDIAN", physician.next("peer-joined").path("role").asText());
        ServiceReference<ConsultationSessions> before = bundleContext.getServiceReference(ConsultationSessions.class);
        Object serviceId = before.getProperty("service.id");
        List<String> original = Files.readAllLines(scopeFile());
        String offered = "growth-development,nutrition,dermatology," + SPECIALTY;
        assertEquals("OFFERED", status(guardian, "nutrition"));

        try (Load load = new Load(50, List.of(
                new String[] {guardian, "/api/consultations/" + id},
                new String[] {doctor, "/api/consultations/" + id},
                new String[] {other, "/api/children"},
                new String[] {guardian, "/api/specialties"},
                new String[] {null, "/api/health"}))) {
            load.completes(100, "before the change");
            editScope(Map.of("pilot.specialties", offered, "specialties.retired", "nutrition"));
            await("nutrition retired, live").atMost(Duration.ofSeconds(20))
                    .until(() -> "RETIRED".equals(status(guardian, "nutrition")));
            Reply refused = call("POST", "/api/assessments", guardian, Map.of("childId", demoChild(guardian),
                    "specialtyId", "nutrition", "answers", Map.of()));
            assertEquals(refused.text, 422, refused.status);
            assertTrue(refused.text, refused.text.contains("specialty-retired"));
            load.completes(150, "after the change");

            // the call was not touched: both sockets open, signaling still relays both ways
            assertFalse("the physician's socket stayed open", physician.closed.isDone());
            assertFalse("the guardian's socket stayed open", family.closed.isDone());
            physician.send(Map.of("type", "offer", "sdp", "v=0 offer-after-scope-change"));
            assertEquals("v=0 offer-after-scope-change", family.next("offer").path("sdp").asText());
            family.send(Map.of("type", "answer", "sdp", "v=0 answer-after-scope-change"));
            assertEquals("v=0 answer-after-scope-change", physician.next("answer").path("sdp").asText());
            assertEquals("IN_PROGRESS", call("GET", "/api/consultations/" + id, doctor, null).get("state"));
            assertEquals("the consultation service was not re-registered", serviceId,
                    bundleContext.getServiceReference(ConsultationSessions.class).getProperty("service.id"));

            editScope(Map.of("specialties.retired", ""));
            await("nutrition offered again").atMost(Duration.ofSeconds(20))
                    .until(() -> "OFFERED".equals(status(guardian, "nutrition")));
            load.completes(100, "after the change back");
            assertEquals("failures under load: " + load.failures, List.of(), load.failures);
            assertTrue("at least 350 calls at 50/s", load.calls.get() >= 350);
        } finally {
            Files.write(scopeFile(), original);
            physician.leave();
            family.leave();
            // the other tests of this container install the test specialty themselves
            Bundle testSpecialty = testSpecialtyBundle();
            if (testSpecialty != null) {
                testSpecialty.uninstall();
            }
        }
        Reply trail = call("GET", "/api/audit/records?actor=system:configuration&limit=50", token("auditor.chen"), null);
        assertEquals(trail.text, 200, trail.status);
        assertTrue("the change is in the audit trail: " + trail.text,
                trail.text.contains("pilot-scope") && trail.text.contains("retired +nutrition"));
        Reply scope = call("GET", "/api/pilot/scope", token("auditor.chen"), null);
        assertEquals(scope.text, 200, scope.status);
        assertEquals(403, call("GET", "/api/pilot/scope", guardian, null).status);
    }

    @Test
    public void theMentalHealthSpecialtyIsHotAddedOfferedLiveTriagedAndRemovedWithItsConsultationsKept() throws Exception {
        String g = token("guardian.tang");
        String child = demoChild(g);
        Path jar = Paths.get(System.getProperty("karaf.base"), "deploy", "specialty-mental-health.jar");
        List<String> original = Files.readAllLines(scopeFile());
        Files.copy(Paths.get(System.getProperty("pediconsult.mental.health")), jar, StandardCopyOption.REPLACE_EXISTING);
        String emergency;
        String open;
        try {
            await("installed through deploy/").atMost(Duration.ofSeconds(30))
                    .until(() -> "NOT_OFFERED".equals(status(g, "mental-health")));
            Map<String, Object> young = Map.of("concerns", List.of(firstConcern(g)), "concernWeeks", 3,
                    "guardianSelfHarmTalk", true, "guardianImmediateDanger", true);
            Reply notYet = call("POST", "/api/assessments", g, Map.of("childId", child, "specialtyId", "mental-health",
                    "answers", young));
            assertEquals(notYet.text, 422, notYet.status);
            assertTrue(notYet.text, notYet.text.contains("pilot-specialty"));

            editScope(Map.of("pilot.specialties", "growth-development,nutrition,dermatology," + SPECIALTY + ",mental-health"));
            await("offered by a live scope change").atMost(Duration.ofSeconds(20))
                    .until(() -> "OFFERED".equals(status(g, "mental-health")));

            Reply skipped = call("POST", "/api/assessments", g, Map.of("childId", child, "specialtyId", "mental-health",
                    "answers", Map.of("concerns", List.of(firstConcern(g)), "concernWeeks", 3, "guardianSelfHarmTalk", false,
                            "guardianImmediateDanger", true)));
            assertEquals("an answer to a question not asked is refused: " + skipped.text, 400, skipped.status);
            assertTrue(skipped.text, skipped.text.contains("answers.guardianImmediateDanger"));
            assertTrue(skipped.text, skipped.text.contains("detailZh"));

            // an adolescent answering herself (the guardian present) who says she is thinking of suicide right now
            Reply teen = call("POST", "/api/children", g, Map.of("familyName", "唐", "givenName", "小雯", "sex", "FEMALE",
                    "birthDate", java.time.LocalDate.now().minusYears(14).toString(), "relationship", "MOTHER"));
            assertEquals(teen.text, 201, teen.status);
            Map<String, Object> selfReport = new java.util.HashMap<>(Map.of("concerns", List.of("LOW_MOOD"), "concernWeeks", 4,
                    "pastMonthSeriousThoughts", true, "everAttempt", false, "asq1", true, "asq2", true, "asq3", true,
                    "asq4", false, "asq5", true));
            for (int i = 1; i <= 9; i++) {
                selfReport.put("phq" + i, i == 9 ? "2" : "1");
            }
            Reply byGuardian = call("POST", "/api/assessments", g, Map.of("childId", teen.get("id"), "specialtyId", "mental-health",
                    "respondent", "GUARDIAN", "answers", selfReport));
            assertEquals("the self-report instruments are the adolescent's: " + byGuardian.text, 400, byGuardian.status);
            assertTrue(byGuardian.text, byGuardian.text.contains("\"field\":\"respondent\""));
            Reply intent = call("POST", "/api/assessments", g, Map.of("childId", teen.get("id"), "specialtyId", "mental-health",
                    "respondent", "CHILD", "answers", selfReport));
            assertEquals(intent.text, 201, intent.status);
            assertEquals(intent.text, "EMERGENCY", intent.json.path("triage").path("level").asText());
            assertEquals("IMMEDIATE", intent.json.path("triage").path("urgency").asText());
            assertEquals("CHILD", intent.json.path("triage").path("respondent").asText());
            assertTrue("no score for the guardian: " + intent.text, intent.json.path("triage").path("scores").isMissingNode()
                    || intent.json.path("triage").path("scores").isNull());
            Reply asAuditor = call("GET", "/api/assessments/" + intent.get("assessmentId"), token("auditor.chen"), null);
            assertEquals(asAuditor.text, 200, asAuditor.status);
            assertTrue(asAuditor.text, asAuditor.text.contains("\"id\":\"phq-a\"") && asAuditor.text.contains("\"id\":\"asq\""));

            Reply calm = call("POST", "/api/assessments", g, Map.of("childId", child, "specialtyId", "mental-health",
                    "answers", Map.of("concerns", List.of(firstConcern(g)), "concernWeeks", 2, "guardianSelfHarmTalk", false)));
            assertEquals(calm.text, 201, calm.status);
            assertEquals(calm.text, "REMOTE_OK", calm.json.path("triage").path("level").asText());
            assertEquals("ASSESSED", calm.get("state"));
            open = calm.get("id");

            Reply triaged = call("POST", "/api/assessments", g, Map.of("childId", child, "specialtyId", "mental-health",
                    "answers", young));
            assertEquals(triaged.text, 201, triaged.status);
            JsonNode triage = triaged.json.path("triage");
            assertEquals(triaged.text, "EMERGENCY", triage.path("level").asText());
            assertEquals("IMMEDIATE", triage.path("urgency").asText());
            assertEquals("EMERGENCY_DEPARTMENT", triage.path("destination").path("type").asText());
            assertEquals("REFERRED", triaged.get("state"));
            emergency = triaged.get("id");

            Reply after = call("POST", "/api/assessments", g, Map.of("childId", child, "specialtyId", "mental-health",
                    "answers", Map.of("concerns", List.of(firstConcern(g)), "concernWeeks", 2, "guardianSelfHarmTalk", false)));
            assertEquals(after.text, 201, after.status);
            JsonNode context = after.json.path("triage");
            assertEquals("the recent emergency referral in this specialty is in the child's context: " + after.text,
                    "IN_PERSON", context.path("level").asText());
            assertEquals("WITHIN_72_HOURS", context.path("urgency").asText());
            assertEquals("MENTAL_HEALTH_SERVICE", context.path("destination").path("type").asText());
        } finally {
            Files.write(scopeFile(), original);
            Files.deleteIfExists(jar);
        }
        await("removed").atMost(Duration.ofSeconds(30)).until(() -> "ABSENT".equals(status(g, "mental-health")));
        Reply read = call("GET", "/api/consultations/" + emergency, g, null);
        assertEquals(read.text, 200, read.status);
        assertFalse(read.text, read.json.path("specialtyAvailable").asBoolean());
        assertEquals("EMERGENCY", read.json.path("triage").path("level").asText());
        Reply cancelled = call("POST", "/api/consultations/" + open + "/cancellation", g, null);
        assertEquals("a consultation of a removed specialty can be cancelled: " + cancelled.text, 200, cancelled.status);
        assertEquals("CANCELLED", cancelled.get("state"));
    }

    /** The first concern the installed mental-health questionnaire offers. */
    private static String firstConcern(String token) throws Exception {
        JsonNode questions = call("GET", "/api/specialties/mental-health", token, null).json.path("questionnaire").path("questions");
        for (JsonNode q : questions) {
            if ("concerns".equals(q.path("id").asText())) {
                return q.path("options").get(0).path("value").asText();
            }
        }
        throw new AssertionError("no concerns question: " + questions);
    }
}
