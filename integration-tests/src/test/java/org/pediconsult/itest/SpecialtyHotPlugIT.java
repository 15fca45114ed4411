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

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * A specialty added to and removed from a running distribution: as a bundle, and by dropping the
 * jar into deploy/. A client keeps calling other endpoints meanwhile and must see no failure.
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
}
