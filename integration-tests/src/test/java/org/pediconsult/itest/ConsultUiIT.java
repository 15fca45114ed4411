package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consult UI in a real browser: the distribution unpacked and started with bin/start, then
 * integration-tests/ui/consult-ui-flow.mjs (playwright-core driving Debian's /usr/bin/chromium)
 * runs guardian and physician through login, language switch, a dermatology assessment with a
 * photo, triage, booking, waiting room, queue, consult view with the growth chart, admission and
 * attestation, an emergency triage and the operations page. Screenshots of each page land in
 * target/ui-screenshots/. Set up by .ci/test-setup; skipped only when chromium is absent and
 * PEDICONSULT_UI_TESTS=optional. The distribution hands out only a TURN server (coturn's turnserver,
 * started here on 127.0.0.1 with allow-loopback-peers; ice.transport.policy = relay), so the video
 * call is relayed and the call test asserts relay/relay as the selected candidate pair.
 */
class ConsultUiIT {
    private static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("PEDICONSULT_CHROMIUM", "/usr/bin/chromium"));
    private static final Path UI = Paths.get("ui").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TURN_SECRET = "consult-ui-it-turn-secret";
    private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(5);
    private static KarafProcess karaf;
    private static Process turn;
    private static int turnPort;
    /** The hour the tests' slots count from, fixed once: each test's own hour stays its own across an hour boundary. */
    private static Instant slotHour;

    @BeforeAll
    static void start() throws Exception {
        boolean optional = "optional".equals(System.getenv("PEDICONSULT_UI_TESTS"));
        if (!Files.isExecutable(CHROMIUM)) {
            assumeTrue(!optional, "SKIPPED: no chromium at " + CHROMIUM + " and PEDICONSULT_UI_TESTS=optional;"
                    + " run .ci/test-setup (apt-get install chromium) to run the browser test");
            throw new IllegalStateException("no chromium at " + CHROMIUM + ": run .ci/test-setup (it installs Debian's"
                    + " chromium); PEDICONSULT_UI_TESTS=optional skips this test on machines without it");
        }
        assertTrue(Files.isDirectory(UI.resolve("node_modules/playwright-core")),
                "playwright-core missing in " + UI + ": run .ci/test-setup (npm ci in integration-tests/ui)");
        slotHour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        karaf = KarafProcess.unpack("consult-ui");
        // the pilot window is a calendar year in the shipped config: open it wide so the test does not expire
        karaf.append("etc/org.pediconsult.consultation.cfg", "pilot.start = 2020-01-01\npilot.end = 2099-12-31");
        // media only through a TURN server (Debian's coturn) on loopback: both tests' calls are relayed
        turnPort = FreePorts.tcpAndUdp();
        startTurnServer();
        karaf.append("etc/org.pediconsult.video.cfg", "turn.urls = turn:127.0.0.1:" + turnPort + "?transport=udp,turn:127.0.0.1:"
                + turnPort + "?transport=tcp\nturn.secret = " + TURN_SECRET + "\nice.transport.policy = relay");
        // the post-pilot mental-health specialty, dropped into deploy/ and offered from the start (so the demo
        // physicians cover it): specialty-flow.mjs renders its conditional questions and its score
        Files.copy(Paths.get(System.getProperty("pediconsult.mental.health")), karaf.home().resolve("deploy/specialty-mental-health.jar"));
        karaf.append("etc/org.pediconsult.consultation.cfg", "pilot.specialties = growth-development,nutrition,dermatology,mental-health");
        karaf.start();
        karaf.awaitHealthUp("/consult/");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (karaf != null) {
                karaf.close();
            }
        } finally {
            if (turn != null) {
                stopTurnServer();
            }
        }
    }

    /**
     * Starts coturn's turnserver (Debian package coturn, installed by .ci/test-setup) as a child process
     * on 127.0.0.1 and a free port, with the REST-API shared secret the distribution is configured with,
     * loopback peers allowed (both browsers are on this machine), no CLI, TLS or DTLS, logging under
     * target; answers its port once it listens.
     */
    private static void startTurnServer() throws Exception {
        Path turnserver = Paths.get(System.getenv().getOrDefault("PEDICONSULT_TURNSERVER", "/usr/bin/turnserver"));
        assertTrue(Files.isExecutable(turnserver), "no turnserver at " + turnserver + ": run .ci/test-setup (it installs Debian's coturn)");
        int port = turnPort;
        Path dir = Paths.get("target/turnserver").toAbsolutePath();
        Files.createDirectories(dir);
        Path conf = dir.resolve("turnserver.conf");
        Files.writeString(conf, String.join("\n",
                "listening-ip=127.0.0.1",
                "relay-ip=127.0.0.1",
                "listening-port=" + port,
                "min-port=40000",
                "max-port=49999",
                "use-auth-secret",
                "static-auth-secret=" + TURN_SECRET,
                "realm=pediconsult.test",
                "allow-loopback-peers",
                "no-cli",
                "no-tls",
                "no-dtls",
                "no-multicast-peers",
                "fingerprint",
                "simple-log",
                // its own SQLite user database (unused with the shared secret, but opened at start): not the
                // package's /var/lib/turn/turndb, which every other turnserver on the machine opens too
                "userdb=" + dir.resolve("turndb"),
                "log-file=" + dir.resolve("turnserver.log"),
                "pidfile=" + dir.resolve("turnserver.pid"),
                ""), StandardCharsets.UTF_8);
        turn = new ProcessBuilder(turnserver.toString(), "-c", conf.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("turnserver.out").toFile())).start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            assertTrue(turn.isAlive(), "turnserver exited: " + Files.readString(dir.resolve("turnserver.out")));
            try (var s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
                return true;
            }
        });
    }

    /** Stops the TURN server: at the end, and when the call test asks with "[control] turn-stop" (its media path breaks). */
    private static void stopTurnServer() throws InterruptedException {
        turn.destroy();
        if (!turn.waitFor(10, TimeUnit.SECONDS)) {
            turn.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void guardianAndPhysicianWalkThroughTheUi() throws Exception {
        String admin = karaf.token("admin");
        String guardian = karaf.token("guardian.tang");
        // a free slot of dr.wang in two hours (on the hour + 7 min, so it never collides with the demo half-hours)
        String slotId = slotOfDrWang(admin, 2);

        // earlier growth measurements of the child, for the physician's growth chart
        String childId = demoChild(guardian, "小明");
        LocalDate today = LocalDate.now();
        HttpResponse<String> growth = karaf.post("/api/assessments", guardian, Map.of("childId", childId,
                "specialtyId", "growth-development", "answers", Map.of("developmentalRegression", false,
                        "measurements", List.of(
                                Map.of("date", today.minusYears(1).toString(), "weightKg", 14.5, "lengthHeightCm", 96),
                                Map.of("date", today.minusDays(10).toString(), "weightKg", 16.2, "lengthHeightCm", 103)))));
        assertEquals(201, growth.statusCode(), growth.body());

        Path photo = rashPhoto(Paths.get("target/ui-test-rash.png").toAbsolutePath(), 64, 48, 200, 3, 5);
        Path shots = Paths.get("target/ui-screenshots").toAbsolutePath();
        String out = runNode("consult-ui-flow.mjs", Paths.get("target/ui-test.log").toAbsolutePath(), shots,
                Map.of("SLOT_ID", slotId, "PHOTO", photo.toString()));
        assertTrue(out.contains("[ui-test] PASS"), out);
        try (var files = Files.list(shots)) {
            assertTrue(files.count() >= 10, "screenshots of the main pages in " + shots);
        }
    }

    /**
     * The video consult in two browser processes, each with its own fake camera picture (a y4m file
     * of one colour, generated here): integration-tests/ui/consult-call-flow.mjs drives login,
     * assessment, booking, waiting room, admission and attestation, then the call page on both sides,
     * and checks the peer connection, decoded frames, each side seeing the other's colour, and 720p.
     */
    @Test
    void videoConsultInTwoBrowsers() throws Exception {
        String admin = karaf.token("admin");
        // a slot an hour after the other test's, on the hour + 7 min
        String slotId = slotOfDrWang(admin, 3);
        Path photo = rashPhoto(Paths.get("target/ui-test-call-rash.png").toAbsolutePath(), 32, 24, 210, 4, 6);
        // BT.601 colours: the physician's camera shows red, the guardian's blue
        Path red = writeY4m(Paths.get("target/ui-test-physician-red.y4m").toAbsolutePath(), 81, 90, 240, 30);
        Path blue = writeY4m(Paths.get("target/ui-test-guardian-blue.y4m").toAbsolutePath(), 41, 240, 110, 30);
        // her phone's camera, when she rejoins, delivers 2 frames per second: too few to keep video on
        Path slowBlue = writeY4m(Paths.get("target/ui-test-guardian-blue-2fps.y4m").toAbsolutePath(), 41, 240, 110, 2);

        Path shots = Paths.get("target/ui-screenshots").toAbsolutePath();
        Map<String, String> env = new java.util.HashMap<>();
        env.put("SLOT_ID", slotId);
        env.put("PHOTO", photo.toString());
        env.put("Y4M_PHYSICIAN", red.toString());
        env.put("Y4M_GUARDIAN", blue.toString());
        env.put("Y4M_GUARDIAN_SLOW", slowBlue.toString());
        env.put("TURN_CONTROL", "1");
        // a room token signed with the distribution's own key that expired a minute ago: refused at the socket
        env.put("EXPIRED_ROOM_TOKEN", ExpiredRoomToken.mint(karaf.home().resolve("data/pediconsult/video-room-key.json"),
                "expired-room", "guardian.tang", "GUARDIAN"));
        // the distribution hands out only the TURN server (ice.transport.policy = relay): the call must be relayed
        env.put("EXPECT_CANDIDATE_TYPE", "relay");
        String out = runNode("consult-call-flow.mjs", Paths.get("target/ui-call-test.log").toAbsolutePath(), shots, env);
        assertTrue(out.contains("[call-test] PASS"), out);
        assertTrue(out.contains("selected candidate pair relay/relay"), out);
        assertTrue(out.contains("connected again") && out.contains("fell back to audio only"), out);
        assertTrue(out.contains("forged room token refused") && out.contains("expired room token refused")
                && out.contains("malformed room token refused"), out);
    }

    /**
     * A specialty written against SPI 2, rendered without the UI knowing it (integration-tests/ui/specialty-flow.mjs):
     * the mental-health screening's age bands (a 5-year-old gets the guardian's questions, a 13-year-old the PHQ-A and
     * the ASQ with their help text), its conditional questions (shown only after a yes), the triage's destination and
     * urgency after a submit in the browser, and the PHQ-A score shown to the physician and not to the guardian. The
     * adolescent's assessment (answered by her, respondent CHILD) and its booking are made here through REST.
     */
    @Test
    void aPostPilotSpecialtyRendersItsConditionalQuestionsAndTheScoreInTheBrowser() throws Exception {
        String admin = karaf.token("admin");
        String guardian = karaf.token("guardian.li");
        String guardianId = karaf.getJson("/api/guardians/me", guardian).path("id").asText();
        LocalDate born = LocalDate.now().minusYears(13).minusMonths(2);
        HttpResponse<String> child = karaf.post("/api/children", guardian, Map.of("familyName", "李", "givenName", "子涵",
                "sex", "FEMALE", "birthDate", born.toString(), "relationship", "MOTHER"));
        assertEquals(201, child.statusCode(), child.body());
        String teen = JSON.readTree(child.body()).path("id").asText();
        HttpResponse<String> linked = karaf.post("/api/children/" + teen + "/guardianship-verification",
                karaf.token("frontdesk.zhou"), Map.of("guardianId", guardianId, "method", "BIRTH_CERTIFICATE"));
        assertEquals(200, linked.statusCode(), linked.body());
        Map<String, Object> answers = new java.util.HashMap<>(Map.of("concerns", List.of("LOW_MOOD", "SLEEP"), "concernWeeks", 6,
                "phqDifficulty", "SOMEWHAT", "pastMonthSeriousThoughts", false, "everAttempt", false));
        int[] phq = {2, 2, 2, 1, 2, 1, 1, 1, 0};
        for (int i = 0; i < phq.length; i++) {
            answers.put("phq" + (i + 1), String.valueOf(phq[i]));
        }
        for (int i = 1; i <= 4; i++) {
            answers.put("asq" + i, false);
        }
        HttpResponse<String> assessed = karaf.post("/api/assessments", guardian, Map.of("childId", teen,
                "specialtyId", "mental-health", "respondent", "CHILD", "answers", answers));
        assertEquals(201, assessed.statusCode(), assessed.body());
        JsonNode consult = JSON.readTree(assessed.body());
        assertEquals("REMOTE_OK", consult.path("triage").path("level").asText(), assessed.body());
        assertTrue(consult.path("triage").path("scores").isMissingNode() || consult.path("triage").path("scores").isNull(),
                "the guardian is not sent the score: " + assessed.body());
        String id = consult.path("id").asText();
        String assessment = consult.path("assessmentId").asText();
        JsonNode forGuardian = karaf.getJson("/api/assessments/" + assessment, guardian);
        assertTrue(forGuardian.path("triage").path("scores").isMissingNode() || forGuardian.path("triage").path("scores").isNull(),
                "GET /api/assessments/{id} sends the guardian no score: " + forGuardian);
        HttpResponse<String> booked = karaf.post("/api/consultations/" + id + "/booking", guardian,
                Map.of("slotId", slotOfDrWang(admin, 12)));
        assertEquals(200, booked.statusCode(), booked.body());
        // the booked physician sees the child's assessment, with its score
        JsonNode forPhysician = karaf.getJson("/api/assessments/" + assessment, karaf.token("dr.wang"));
        assertEquals(12.0, forPhysician.path("triage").path("scores").get(0).path("value").asDouble(), "" + forPhysician);
        assertEquals("phq-a", forPhysician.path("triage").path("scores").get(0).path("id").asText());

        String out = runNode("specialty-flow.mjs", Paths.get("target/ui-specialty-test.log").toAbsolutePath(),
                Paths.get("target/ui-screenshots").toAbsolutePath(),
                Map.of("TEEN_ID", teen, "TEEN_CONSULT", id, "GUARDIAN", "guardian.li", "PHYSICIAN", "dr.wang", "PHQ_TOTAL", "12"));
        assertTrue(out.contains("[specialty-test] PASS"), out);
    }

    /**
     * A new family signs up and books through the UI only (integration-tests/ui/signup-flow.mjs): the code
     * read from the development inbox on the administrator's page, a child added, an assessment, booking
     * refused until the front desk verified identity and relationship, then booked; the second demo family
     * cannot open that consultation.
     */
    @Test
    void aNewFamilySignsUpAndBooksInTheBrowser() throws Exception {
        String slotId = slotOfDrWang(karaf.token("admin"), 4);
        Path photo = rashPhoto(Paths.get("target/ui-test-signup-rash.png").toAbsolutePath(), 40, 30, 190, 2, 7);
        String phone = "137" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        String out = runNode("signup-flow.mjs", Paths.get("target/ui-signup-test.log").toAbsolutePath(),
                Paths.get("target/ui-screenshots").toAbsolutePath(),
                Map.of("SLOT_ID", slotId, "PHOTO", photo.toString(), "PHONE", phone, "ID_NUMBER", AccountsBehaviour.residentId()));
        assertTrue(out.contains("[signup-test] PASS"), out);
        assertTrue(out.contains("booking refused: identity not verified yet") && out.contains("booked after verification"), out);
    }

    /**
     * A prescription in the browser (integration-tests/ui/prescription-flow.mjs): dr.wang prescribes in the
     * consultation view with the server's checks shown live (an over-limit dose refused, then corrected),
     * signs with the password again; the pharmacist approves on #/pharmacy; the guardian reads it in plain
     * words, in Chinese and in English. The consultation (growth, 李小雨 weighed 5 days ago) is put in
     * progress through the API first.
     */
    @Test
    void aPhysicianPrescribesThePharmacistApprovesAndTheGuardianReadsIt() throws Exception {
        String admin = karaf.token("admin");
        String guardian = karaf.token("guardian.li");
        String childId = demoChild(guardian, "小雨");
        HttpResponse<String> assessed = karaf.post("/api/assessments", guardian, Map.of("childId", childId,
                "specialtyId", "growth-development", "answers", Map.of("developmentalRegression", false,
                        "measurements", List.of(Map.of("date", LocalDate.now().minusDays(5).toString(),
                                "weightKg", 18.5, "lengthHeightCm", 110)))));
        assertEquals(201, assessed.statusCode(), assessed.body());
        String consult = JSON.readTree(assessed.body()).path("id").asText();
        HttpResponse<String> booked = karaf.post("/api/consultations/" + consult + "/booking", guardian,
                Map.of("slotId", slotOfDrWang(admin, 6)));
        assertEquals(200, booked.statusCode(), booked.body());
        assertEquals(200, karaf.post("/api/consultations/" + consult + "/waiting-room", guardian, null).statusCode());
        HttpResponse<String> admitted = karaf.post("/api/consultations/" + consult + "/admission", karaf.token("dr.wang"), null);
        assertEquals(200, admitted.statusCode(), admitted.body());

        String out = runNode("prescription-flow.mjs", Paths.get("target/ui-prescription-test.log").toAbsolutePath(),
                Paths.get("target/ui-screenshots").toAbsolutePath(), Map.of("CONSULT_ID", consult, "GUARDIAN", "guardian.li"));
        assertTrue(out.contains("[rx-test] PASS"), out);
    }

    /**
     * Dispensing and home delivery in the browser (integration-tests/ui/delivery-flow.mjs): the family chooses an
     * address, the pharmacist dispenses (an expiring lot refused first) and assigns the courier, the courier
     * dispatches with the tamper seal and hands over with the code the family was texted (a wrong code first),
     * the family and the physician see the timeline. The approved prescription (vitamin D for 李小雨) is made
     * through the API first. Then the visit ends and its claim carries the drug (integration-tests/ui/claim-drugs-flow.mjs:
     * the billing page's drug line, flagged when not priced, and the family's insurance card).
     */
    @Test
    void aPrescriptionIsDispensedAndDeliveredInTheBrowser() throws Exception {
        String admin = karaf.token("admin");
        String guardian = karaf.token("guardian.li");
        String doctor = karaf.token("dr.wang");
        String childId = demoChild(guardian, "小雨");
        HttpResponse<String> assessed = karaf.post("/api/assessments", guardian, Map.of("childId", childId,
                "specialtyId", "growth-development", "answers", Map.of("developmentalRegression", false,
                        "measurements", List.of(Map.of("date", LocalDate.now().minusDays(3).toString(),
                                "weightKg", 18.6, "lengthHeightCm", 110)))));
        assertEquals(201, assessed.statusCode(), assessed.body());
        String consult = JSON.readTree(assessed.body()).path("id").asText();
        assertEquals(200, karaf.post("/api/consultations/" + consult + "/booking", guardian,
                Map.of("slotId", slotOfDrWang(admin, 8))).statusCode());
        assertEquals(200, karaf.post("/api/consultations/" + consult + "/waiting-room", guardian, null).statusCode());
        assertEquals(200, karaf.post("/api/consultations/" + consult + "/admission", doctor, null).statusCode());
        HttpResponse<String> draft = karaf.post("/api/consultations/" + consult + "/prescriptions", doctor, Map.of("items",
                List.of(Map.of("code", "VITD3-400IU", "dose", 400, "unit", "IU", "frequency", "QD", "durationDays", 7,
                        "quantity", 1, "quantityUnit", "BOTTLE", "instructions", Map.of("zh", "每天一次，滴入口中", "en", "once a day, into the mouth")))));
        assertEquals(201, draft.statusCode(), draft.body());
        String rx = JSON.readTree(draft.body()).path("id").asText();
        HttpResponse<String> signed = karaf.post("/api/prescriptions/" + rx + "/signature", doctor,
                Map.of("password", KarafProcess.PASSWORD, "validDays", 3));
        assertEquals(200, signed.statusCode(), signed.body());
        HttpResponse<String> approved = karaf.post("/api/prescriptions/" + rx + "/approval", karaf.token("pharmacist.li"), null);
        assertEquals(200, approved.statusCode(), approved.body());

        String out = runNode("delivery-flow.mjs", Paths.get("target/ui-delivery-test.log").toAbsolutePath(),
                Paths.get("target/ui-screenshots").toAbsolutePath(),
                Map.of("PRESCRIPTION_ID", rx, "CONSULT_ID", consult, "GUARDIAN", "guardian.li"));
        assertTrue(out.contains("[delivery-test] PASS"), out);

        // the visit ends: its claim carries the drugs dispensed during it (claim-drugs-flow.mjs shows them to billing
        // and to the family); dispensed per bottle where the shipped price catalogue prices vitamin D per box, the drug
        // is charged self-pay "not priced" and flagged for billing, unless the visit itself is not claimable
        HttpResponse<String> completed = karaf.post("/api/consultations/" + consult + "/completion", doctor,
                Map.of("diagnosis", "维生素D补充 vitamin D supplementation", "plan", "每天400 IU"));
        assertEquals(200, completed.statusCode(), completed.body());
        JsonNode[] drugLine = {null};
        String[] claimId = {null};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class)
                .alias("the consultation's claim with its dispensed drug").until(() -> {
            for (JsonNode version : karaf.getJson("/api/consultations/" + consult + "/claims", guardian)) {
                for (JsonNode line : version.path("lines")) {
                    if (!line.path("dispenseId").asText("").isEmpty()) {
                        drugLine[0] = line;
                        claimId[0] = version.path("id").asText();
                    }
                }
            }
            return drugLine[0] != null;
        });
        assertEquals("VITD3-400IU", drugLine[0].path("drugCode").asText(), drugLine[0].toString());
        boolean unpriced = "drug-unpriced".equals(drugLine[0].path("flag").asText());
        String drugs = runNode("claim-drugs-flow.mjs", Paths.get("target/ui-claim-drugs-test.log").toAbsolutePath(),
                Paths.get("target/ui-screenshots").toAbsolutePath(), Map.of("CLAIM_ID", claimId[0], "CONSULT_ID", consult,
                        "DRUG", "维生素D3滴剂", "EXPECT_UNPRICED", String.valueOf(unpriced), "GUARDIAN", "guardian.li"));
        assertTrue(drugs.contains("[claim-drugs-test] PASS"), drugs);
    }

    /**
     * Insurance claims in the browser (integration-tests/ui/billing-flow.mjs): the billing officer finds a claim the
     * insurer rejected, with its reason, resubmits it (a new version, accepted this time), reads this month's
     * reconciliation and exports it as CSV; the guardian reads the consultation's insurance card and the home page's
     * insurance part. Prepared through the API: a REST test insurer in this JVM (a real HTTP server, rejecting the
     * first claim it receives and accepting the others), its adapter configured live in etc/ (fileinstall), 李小雨's
     * coverage with that payer, and a growth consultation of hers completed by dr.wang.
     */
    @Test
    void aBillingOfficerResubmitsARejectedClaimInTheBrowser() throws Exception {
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer insurer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        insurer.createContext("/claims", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String claimId = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            boolean first;
            synchronized (received) {
                first = received.isEmpty();
                received.add(claimId);
            }
            byte[] out = (first ? "{\"outcome\":\"REJECTED\",\"reasons\":[\"参保人编号不存在 insured id unknown\"]}"
                    : "{\"outcome\":\"ACCEPTED\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
            System.out.println("ConsultUiIT: test insurer received claim " + claimId + " (" + body.length() + " bytes): "
                    + (first ? "REJECTED" : "ACCEPTED"));
        });
        insurer.start();
        Path adapter = karaf.home().resolve("etc/org.pediconsult.claim.insurer-ui.cfg");
        try {
            // the insurer adapter of payer "ui", live through fileinstall (no restart); it is in place well before
            // the consultation ends below, and if it was not yet, the claim waits QUALIFIED and is submitted again
            Files.writeString(adapter, "pediconsult.claim.payer = ui\ntransport = REST\nrest.url = http://127.0.0.1:"
                    + insurer.getAddress().getPort() + "/claims\n", StandardCharsets.UTF_8);

            String admin = karaf.token("admin");
            String guardian = karaf.token("guardian.li");
            String doctor = karaf.token("dr.wang");
            String childId = demoChild(guardian, "小雨");
            HttpResponse<String> covered = karaf.send("PUT", "/api/children/" + childId + "/coverage", guardian, Map.of("payer", "ui",
                    "plan", "城乡居民基本医疗保险", "insuredId", "INS-320500-0001", "region", "320500", "relationship", "MTH"));
            assertEquals(200, covered.statusCode(), covered.body());

            HttpResponse<String> assessed = karaf.post("/api/assessments", guardian, Map.of("childId", childId,
                    "specialtyId", "growth-development", "answers", Map.of("developmentalRegression", false,
                            "measurements", List.of(Map.of("date", LocalDate.now().minusDays(4).toString(),
                                    "weightKg", 18.6, "lengthHeightCm", 110)))));
            assertEquals(201, assessed.statusCode(), assessed.body());
            String consult = JSON.readTree(assessed.body()).path("id").asText();
            HttpResponse<String> booked = karaf.post("/api/consultations/" + consult + "/booking", guardian,
                    Map.of("slotId", slotOfDrWang(admin, 10)));
            assertEquals(200, booked.statusCode(), booked.body());
            assertEquals(200, karaf.post("/api/consultations/" + consult + "/waiting-room", guardian, null).statusCode());
            HttpResponse<String> admitted = karaf.post("/api/consultations/" + consult + "/admission", doctor, null);
            assertEquals(200, admitted.statusCode(), admitted.body());
            HttpResponse<String> completed = karaf.post("/api/consultations/" + consult + "/completion", doctor,
                    Map.of("diagnosis", "生长发育评估正常 normal growth", "plan", "均衡饮食，三个月后复测身高体重"));
            assertEquals(200, completed.statusCode(), completed.body());

            // the claim: drafted and qualified when the consultation ended, submitted to the test insurer, rejected
            String billing = karaf.token("billing.zhou");
            String[] claimId = {null};
            String[] last = {""};
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class)
                    .alias("the consultation's claim REJECTED by the test insurer").until(() -> {
                HttpResponse<String> r = karaf.get("/api/consultations/" + consult + "/claims", guardian);
                last[0] = r.statusCode() + " " + r.body();
                if (r.statusCode() != 200) {
                    return false;
                }
                JsonNode claims = JSON.readTree(r.body());
                if (claims.size() == 0) {
                    return false;
                }
                JsonNode newest = claims.get(claims.size() - 1);
                String state = newest.path("state").asText();
                assertTrue(!"INELIGIBLE".equals(state) && !"ACCEPTED".equals(state), "the claim is " + state + ": " + r.body());
                if ("QUALIFIED".equals(state)) {
                    // submitted before the adapter was live: it waits for billing; submit it again (409 no_insurer until live)
                    karaf.post("/api/claims/" + newest.path("id").asText() + "/submission", billing, null);
                    return false;
                }
                claimId[0] = newest.path("id").asText();
                return "REJECTED".equals(state);
            });
            assertEquals(List.of(claimId[0]), received, "the test insurer received the rejected claim once: " + last[0]);

            String out = runNode("billing-flow.mjs", Paths.get("target/ui-billing-test.log").toAbsolutePath(),
                    Paths.get("target/ui-screenshots").toAbsolutePath(),
                    Map.of("CLAIM_ID", claimId[0], "CONSULT_ID", consult, "GUARDIAN", "guardian.li", "BILLING", "billing.zhou"));
            assertTrue(out.contains("[billing-test] PASS"), out);
            // the version resubmitted in the browser went to the insurer once, and was accepted
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                JsonNode versions = karaf.getJson("/api/consultations/" + consult + "/claims", guardian);
                return versions.size() == 2 && "ACCEPTED".equals(versions.get(1).path("state").asText());
            });
            String v2 = karaf.getJson("/api/consultations/" + consult + "/claims", guardian).get(1).path("id").asText();
            assertEquals(List.of(claimId[0], v2), received, "the test insurer received each version once");
        } finally {
            // no adapter for payer "ui" any more: later claims of this child wait for billing, not for a stopped server
            Files.deleteIfExists(adapter);
            insurer.stop(0);
        }
    }

    /**
     * The pilot report in the browser (integration-tests/ui/report-flow.mjs): the auditor computes this year's
     * report, every section the server answers is drawn (figures, SVG charts, tables) in Chinese and in
     * English, one section downloads as CSV and the whole report as PDF; the PDF's first page becomes
     * report-pdf-page-1.png (or -01) among the screenshots (pdftoppm) and reads, by PDFBox, the report's title and
     * the summary of every section; the guardian is refused.
     */
    @Test
    void anAuditorReadsThePilotReportAndDownloadsItsPdf() throws Exception {
        String auditor = karaf.token("auditor.chen");
        String from = LocalDate.now().withDayOfYear(1).toString();
        String to = LocalDate.now().toString();
        JsonNode report = karaf.getJson("/api/reports/pilot?from=" + from + "&to=" + to, auditor);
        List<String> ids = new java.util.ArrayList<>();
        report.path("sections").forEach(s -> ids.add(s.path("id").asText()));
        assertTrue(ids.containsAll(List.of("consultations", "safety", "travel", "video", "prescriptions", "delivery", "claims", "hl7")),
                "every installed bundle contributes its section: " + ids);
        Path shots = Paths.get("target/ui-screenshots").toAbsolutePath();
        Files.deleteIfExists(shots.resolve("pilot-report.pdf"));
        String out = runNode("report-flow.mjs", Paths.get("target/ui-report-test.log").toAbsolutePath(), shots,
                Map.of("FROM", from, "TO", to, "SECTIONS", String.join(",", ids), "GUARDIAN", "guardian.li"));
        assertTrue(out.contains("[report-test] PASS"), out);

        Path pdf = shots.resolve("pilot-report.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.pdmodel.PDDocument.load(pdf.toFile())) {
            org.apache.pdfbox.text.PDFTextStripper text = new org.apache.pdfbox.text.PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String first = text.getText(doc);
            assertTrue(first.contains("儿童互联网首诊试点评估报告"), first);
            assertTrue(first.contains("统计期间：" + from + " – " + to), first);
            assertTrue(first.contains("摘要"), first);
            assertTrue(doc.getNumberOfPages() > ids.size(), "a page per section after the summary: " + doc.getNumberOfPages());
        }
        Process ppm = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf.toString(),
                shots.resolve("report-pdf-page").toString()).redirectErrorStream(true).start();
        assertTrue(ppm.waitFor(60, TimeUnit.SECONDS), "pdftoppm finished");
        assertEquals(0, ppm.exitValue(), new String(ppm.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        // pdftoppm pads the page number to the page count's digits: report-pdf-page-1.png or -01.png
        Path image;
        try (var files = Files.list(shots)) {
            image = files.filter(f -> f.getFileName().toString().matches("report-pdf-page-0*1\\.png")).findFirst()
                    .orElseThrow(() -> new AssertionError("no image of the PDF's first page in " + shots));
        }
        assertTrue(Files.size(image) > 10_000, "the PDF's first page as an image: " + image);
    }

    /**
     * Adds a free 30-minute slot of dr.wang, {@code hoursAhead} hours after {@link #slotHour} + 7 min, as
     * admin; answers its id. Counting from the current time instead, the two tests got the same slot
     * when the hour turned between them (409 slot_exists).
     */
    /** The demo family's child by given name (a test may add other children to the family). */
    private static String demoChild(String guardian, String givenName) throws Exception {
        for (JsonNode c : karaf.getJson("/api/children", guardian)) {
            if (givenName.equals(c.path("givenName").asText())) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError("no demo child " + givenName);
    }

    private static String slotOfDrWang(String admin, int hoursAhead) throws Exception {
        JsonNode wang = null;
        for (JsonNode p : karaf.getJson("/api/physicians", admin)) {
            if ("dr.wang".equals(p.path("username").asText())) {
                wang = p;
            }
        }
        assertTrue(wang != null, "demo physician dr.wang");
        Instant startsAt = slotHour.plus(hoursAhead, ChronoUnit.HOURS).plus(7, ChronoUnit.MINUTES);
        HttpResponse<String> slot = karaf.post("/api/physicians/" + wang.path("id").asText() + "/slots", admin,
                List.of(Map.of("startsAt", startsAt.toString(), "minutes", 30)));
        assertEquals(201, slot.statusCode(), slot.body());
        return JSON.readTree(slot.body()).get(0).path("id").asText();
    }

    /** A small PNG "rash photo": a red gradient, for the dermatology upload. */
    private static Path rashPhoto(Path file, int w, int h, int red, int gx, int by) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                img.setRGB(x, y, (red << 16) | ((x * gx) << 8) | (y * by));
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** A YUV4MPEG2 file of 1280x720 frames of one colour (Y, Cb, Cr) at {@code fps}, which chromium's fake camera loops. */
    private static Path writeY4m(Path file, int y, int u, int v, int fps) throws IOException {
        int w = 1280, hgt = 720, frames = 3;
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(("YUV4MPEG2 W" + w + " H" + hgt + " F" + fps + ":1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            byte[] luma = new byte[w * hgt];
            java.util.Arrays.fill(luma, (byte) y);
            byte[] cb = new byte[w * hgt / 4];
            java.util.Arrays.fill(cb, (byte) u);
            byte[] cr = new byte[w * hgt / 4];
            java.util.Arrays.fill(cr, (byte) v);
            for (int f = 0; f < frames; f++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(cb);
                out.write(cr);
            }
        }
        return file;
    }

    /**
     * Runs a browser script in integration-tests/ui with a fresh HOME, and answers its output once it
     * passed. The script's output goes to {@code log}; a line "[control] turn-stop" or "[control]
     * turn-start" stops or starts the TURN server, answered with "ok &lt;command&gt;" on the script's stdin.
     */
    private static String runNode(String script, Path log, Path shots, Map<String, String> extra) throws Exception {
        Path tmp = Files.createTempDirectory(Paths.get("target").toAbsolutePath(), "ui-home");
        ProcessBuilder pb = new ProcessBuilder("node", script).directory(UI.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("BASE_URL", karaf.baseUrl());
        env.put("SHOTS", shots.toString());
        env.put("CHROMIUM", CHROMIUM.toString());
        env.put("HOME", tmp.toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", tmp.resolve(".cache").toString());
        env.put("XDG_DATA_HOME", tmp.resolve(".local/share").toString());
        // playwright puts chromium's profile under the temp folder: one of this run's, so leftovers can be found
        // by it (short, in the system's: chromium puts its singleton socket there, at most 107 characters)
        Path browserTmp = Files.createTempDirectory("pediconsult-ui-");
        env.put("TMPDIR", browserTmp.toString());
        env.putAll(extra);
        Process node = pb.start();
        Thread reader = new Thread(() -> follow(node, log), "ui-test-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished = node.waitFor(SCRIPT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            // the browsers first (playwright's chromium processes are node's children), then node itself
            List<ProcessHandle> tree = node.descendants().collect(Collectors.toList());
            tree.forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle p : tree) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        endLeftoverBrowsers(browserTmp, tmp);
        deleteTree(browserTmp);
        reader.join(10_000);
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        assertTrue(finished, script + " finished within " + SCRIPT_LIMIT.toMinutes() + " minutes:\n" + out);
        assertEquals(0, node.exitValue(), script + " passed:\n" + out);
        return out;
    }

    /**
     * Kills what still runs with a folder of this script on its command line (a chromium that node left
     * behind when it died, no longer its descendant, with its profile under the temp folder; chromium's
     * crash handlers, children of init from the start, with their database under HOME), with its
     * descendants. Nothing is left when the script closed its browsers, as it should.
     */
    private static void endLeftoverBrowsers(Path... folders) throws Exception {
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> java.util.Arrays.stream(folders)
                        .anyMatch(f -> c.contains(f.toString()))).orElse(false))
                .collect(Collectors.toList());
        for (ProcessHandle p : left) {
            System.out.println("ConsultUiIT: " + p.pid() + " still running after the script: killed: "
                    + p.info().commandLine().orElse(""));
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Copies the script's output to the log, line by line, and carries out its control commands. */
    private static void follow(Process node, Path log) {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
             var answers = new java.io.PrintWriter(new java.io.OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.write(line);
                out.newLine();
                out.flush();
                if (line.startsWith("[control] ")) {
                    String cmd = line.substring("[control] ".length()).trim();
                    String answer;
                    try {
                        switch (cmd) {
                            case "turn-stop" -> stopTurnServer();
                            case "turn-start" -> startTurnServer();
                            default -> throw new IllegalArgumentException("unknown control command");
                        }
                        answer = "ok " + cmd;
                    } catch (Exception | AssertionError e) {
                        answer = "failed " + cmd + ": " + e;
                    }
                    out.write("[runner] " + answer);
                    out.newLine();
                    answers.println(answer);
                }
            }
        } catch (IOException e) {
            // the script ended; what it printed is in the log
        }
    }
}
