package org.pediconsult.hl7.internal.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;
import org.pediconsult.hl7.internal.common.Hl7Text;

/** The inbound channel on a real socket with a real Camel MLLP consumer and H2. */
class InboundChannelTest {
    private static final String ADT = "MSH|^~\\&|HIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125083000||ADT^A04^ADT_A01|%s|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "EVN|A04|20261125083000\r"
            + "PID|1||HIS-000123^^^PILOT1^MR||唐^小明||20220315|M\r"
            + "NK1|1|唐^丽|MTH^Mother^HL70063\r";

    private final List<org.pediconsult.consultation.api.dto.HisPatient> registered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean consultationUp = new java.util.concurrent.atomic.AtomicBoolean(true);
    /** Reports the fake observation service accepted; it knows only the child PILOT1^HIS-000123. */
    private final List<org.pediconsult.consultation.api.dto.HisObservationReport> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private InboundHandler handler;
    private MessageStore store;
    private JdbcDataSource db;
    private CamelContext camel;
    private int port;

    @BeforeEach
    void start() throws Exception {
        db = Hl7Fixtures.h2();
        port = Hl7Fixtures.freePort();
        ca.uhn.hl7v2.parser.PipeParser parser = Hl7Fixtures.parser();
        store = new MessageStore(db);
        handler = InboundHandler.forChannel("his", store, parser)
                .maxBytes(200_000)
                .patients(() -> consultationUp.get() ? (patient, source) -> {
                    registered.add(patient);
                    return "child-" + registered.size();
                } : null)
                .observations(() -> consultationUp.get() ? (report, source) -> {
                    if (!"PILOT1^HIS-000123".equals(report.hisId)) {
                        throw new org.pediconsult.consultation.api.UnknownHisPatientException();
                    }
                    observed.add(report);
                    return report.observations.size();
                } : null)
                .build();
        // a long read timeout: Netty's read timeout also runs while a frame is being processed (the
        // handler runs on another executor), so a short one would drop the ACK of a message that
        // takes that long on a slow machine; the read timeout itself is tested on a listener of its own
        camel = InboundChannel.start("his", "127.0.0.1", port, 30, handler);
    }

    @AfterEach
    void stop() {
        camel.stop();
        store.close();
    }

    private Map<String, Long> outcomes() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT outcome, COUNT(*) FROM hl7_message GROUP BY outcome")) {
            Map<String, Long> m = new java.util.HashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
            return m;
        }
    }

    private static String msa(String ack) {
        return Stream.of(ack.split("\r")).filter(s -> s.startsWith("MSA")).findFirst().orElse("no MSA in " + ack);
    }

    @Test
    void acceptsStoresAndAcknowledgesAnAdtWithChineseNames() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send(String.format(ADT, "C0001"));
            assertTrue(msa(ack).startsWith("MSA|AA|C0001"), ack);
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT raw, message_type, sender FROM hl7_message")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).contains("唐^小明"), "stored as received, UTF-8 intact");
            assertEquals("ADT^A04", rs.getString(2));
            assertEquals("HIS^PILOT-CHILDRENS-HOSPITAL-1", rs.getString(3));
        }
    }

    @Test
    void anAdtRegistersThePatientAndGuardianAndOneWithoutIdentifierIsRefusedAtPid3() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertTrue(msa(client.send(String.format(ADT, "P0001"))).startsWith("MSA|AA|P0001"));
            String noId = String.format(ADT, "P0002").replace("HIS-000123^^^PILOT1^MR", "");
            String ack = client.send(noId);
            assertTrue(msa(ack).startsWith("MSA|AE|P0002"), ack);
            assertTrue(ack.contains("PID^1^3"), "ERR points at PID-3: " + ack);
        }
        assertEquals(1, registered.size());
        org.pediconsult.consultation.api.dto.HisPatient p = registered.get(0);
        assertEquals("PILOT1^HIS-000123", p.hisId);
        assertEquals("唐", p.familyName);
        assertEquals("小明", p.givenName);
        assertEquals(java.time.LocalDate.of(2022, 3, 15), p.birthDate);
        assertEquals("MALE", p.sex);
        assertEquals("MOTHER", p.guardians.get(0).relationship);
        assertEquals("丽", p.guardians.get(0).givenName);
    }

    @Test
    void aDuplicateIsAcknowledgedAgainButStoredOnce() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            String first = client.send(String.format(ADT, "D0001"));
            String again = client.send(String.format(ADT, "D0001"));
            assertEquals(first, again);
        }
        assertEquals(Map.of("PROCESSED", 1L, "DUPLICATE", 1L), outcomes());
        assertEquals(1, registered.size(), "the duplicate was not processed again");
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT patient FROM hl7_message WHERE outcome = 'PROCESSED'")) {
            assertTrue(rs.next());
            assertEquals("child-1", rs.getString(1), "processed before it was stored, the row names the child");
        }
    }

    @Test
    void everyPublicSampleGetsAnAckAndIsStored() throws Exception {
        Path samples = Paths.get(System.getProperty("pediconsult.hl7.samples", "../../../shared/hl7-samples"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(samples)) {
            files = walk.filter(p -> p.toString().endsWith(".hl7")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() >= 100, "the sample corpus is there: " + samples.toAbsolutePath());
        int sent = 0;
        try (MllpTestClient client = new MllpTestClient(port)) {
            for (Path file : files) {
                String text = Hl7Text.normalise(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                sent++;
                String ack = client.send(text);
                assertTrue(msa(ack).matches("MSA\\|A[AER](\\|.*)?"), file + " answered " + ack);
            }
            assertTrue(msa(client.send(String.format(ADT, "AFTER-SAMPLES"))).startsWith("MSA|AA"));
        }
        long stored = outcomes().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(sent + 1, stored, "every frame sent is stored (copies as DUPLICATE), plus the ADT after");
    }

    @Test
    void garbageGetsARejectWithAnErrSegmentAndTheListenerLivesOn() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send("this is not HL7 at all");
            assertTrue(msa(ack).startsWith("MSA|AR"), ack);
            assertTrue(ack.contains("\rERR|"), "ERR says why: " + ack);
            assertTrue(ack.contains("MSH"), "ERR names the segment: " + ack);
            assertTrue(msa(client.send(String.format(ADT, "G0002"))).startsWith("MSA|AA"));
        }
        assertEquals(1L, outcomes().get("ERROR"));
    }

    @Test
    void aFrameSplitAcrossWritesAndTwoFramesInOneWriteAreBothHandled() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            byte[] whole = MllpTestClient.frame(String.format(ADT, "S0001"));
            client.write(java.util.Arrays.copyOfRange(whole, 0, 40));
            Thread.onSpinWait();
            client.write(java.util.Arrays.copyOfRange(whole, 40, whole.length));
            assertTrue(msa(client.readAck()).startsWith("MSA|AA|S0001"));

            byte[] a = MllpTestClient.frame(String.format(ADT, "S0002"));
            byte[] b = MllpTestClient.frame(String.format(ADT, "S0003"));
            byte[] both = new byte[a.length + b.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            client.write(both);
            assertTrue(msa(client.readAck()).startsWith("MSA|AA|S0002"));
            assertTrue(msa(client.readAck()).startsWith("MSA|AA|S0003"));
        }
    }

    @Test
    void aFrameWithoutEndBlockDoesNotHoldTheConnectionAndTheListenerLivesOn() throws Exception {
        int shortPort = Hl7Fixtures.freePort();
        CamelContext shortReadTimeout = InboundChannel.start("his", "127.0.0.1", shortPort, 1, handler);
        try {
            try (MllpTestClient client = new MllpTestClient(shortPort)) {
                byte[] whole = MllpTestClient.frame(String.format(ADT, "NOEND"));
                client.write(java.util.Arrays.copyOf(whole, whole.length - 2)); // no 0x1C 0x0D
                // closed by the listener's 1 s read timeout (EOF or reset); the client's own 20 s
                // timeout is the hang detector and fails the test
                IOException closed = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, client::readAck);
                assertTrue(!(closed instanceof java.net.SocketTimeoutException),
                        "the listener held a connection whose frame never ended: " + closed);
            }
            // the listener lives on: it takes the next connection and its frame is handled. Its ACK is
            // not awaited here: with a 1 s read timeout it comes only when handling takes less than 1 s
            // (answering is what every other test checks, on the main listener)
            try (MllpTestClient client = new MllpTestClient(shortPort)) {
                client.write(MllpTestClient.frame(String.format(ADT, "AFTER-NOEND")));
                await().atMost(Duration.ofSeconds(30)).until(() -> outcomes().containsKey("PROCESSED"));
            }
        } finally {
            shortReadTimeout.stop();
        }
        assertEquals(Map.of("PROCESSED", 1L), outcomes(), "nothing half-received was stored or acknowledged");
    }

    @Test
    void anAdtRefusedWhileTheConsultationBundleWasAwayIsReprocessedOnce() throws Exception {
        consultationUp.set(false);
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertTrue(msa(client.send(String.format(ADT, "R0001"))).startsWith("MSA|AE|R0001"));
        }
        long id;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM hl7_message WHERE control_id = 'R0001'")) {
            rs.next();
            id = rs.getLong(1);
        }
        consultationUp.set(true);
        assertEquals("PROCESSED", handler.reprocess(id));
        assertEquals(1, registered.size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> handler.reprocess(id),
                "a processed message is not processed twice");
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertTrue(msa(client.send(String.format(ADT, "R0001"))).startsWith("MSA|AA|R0001"),
                    "a resend now gets the new ACK");
        }
        assertEquals(1, registered.size());
    }

    @Test
    void anEmptyFrameIsAnsweredToo() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send("");
            assertTrue(msa(ack).startsWith("MSA|AR"), ack);
            assertTrue(msa(client.send(String.format(ADT, "E0001"))).startsWith("MSA|AA"));
        }
    }

    @Test
    void aMessageWithABrokenHeaderIsRefusedAndStored() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send("MSH|^~\\&|HIS|H1|||x||\rPID|1\r");
            assertTrue(msa(ack).startsWith("MSA|AR") || msa(ack).startsWith("MSA|AE"), ack);
        }
        assertEquals(1L, outcomes().get("ERROR"));
    }

    @Test
    void aTooLargeMessageIsRefusedAndStoredCut() throws Exception {
        StringBuilder big = new StringBuilder(String.format(ADT, "BIG1"));
        while (big.length() < 250_000) {
            big.append("NTE|1||").append("x".repeat(1000)).append('\r');
        }
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send(big.toString());
            assertTrue(msa(ack).startsWith("MSA|AR"), ack);
            assertTrue(msa(client.send(String.format(ADT, "AFTER-BIG"))).startsWith("MSA|AA"));
        }
    }

    private static String oru(String controlId) {
        return String.format(OruObservationMappingTest.CHINESE_ORU, controlId);
    }

    @Test
    void anOruPutsTheObservationsOnTheChildsRecordAndIsProcessed() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send(oru("O0001"));
            assertTrue(msa(ack).startsWith("MSA|AA|O0001"), ack);
        }
        assertEquals(Map.of("PROCESSED", 1L), outcomes());
        assertEquals(1, observed.size());
        assertEquals(6, observed.get(0).observations.size());
        assertEquals("夜间咳嗽，无发热", observed.get(0).observations.get(4).value, "UTF-8 intact through MLLP");
    }

    @Test
    void anOruForAnUnknownPatientIsRefusedAtPid3AndStoredForReview() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send(oru("O0002").replace("HIS-000123", "HIS-999999"));
            assertTrue(msa(ack).startsWith("MSA|AE|O0002"), ack);
            assertTrue(ack.contains("PID^1^3"), "ERR points at PID-3: " + ack);
            assertTrue(!ack.contains("HIS-999999"), "the identifier is not echoed: " + ack);
            String noCode = client.send(oru("O0003").replace("29463-7^体重^LN", ""));
            assertTrue(msa(noCode).startsWith("MSA|AE|O0003"), noCode);
            assertTrue(noCode.contains("OBX^2^3"), "ERR points at the second OBX's OBX-3: " + noCode);
        }
        assertEquals(Map.of("ERROR", 2L), outcomes());
        assertEquals(0, observed.size());
    }

    @Test
    void aResentOruIsADuplicateAndNotRecordedTwice() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            String first = client.send(oru("O0004"));
            String again = client.send(oru("O0004"));
            assertTrue(msa(first).startsWith("MSA|AA|O0004"), first);
            assertEquals(first, again);
        }
        assertEquals(Map.of("PROCESSED", 1L, "DUPLICATE", 1L), outcomes());
        assertEquals(1, observed.size(), "the duplicate was not processed again");
    }

    @Test
    void anOruRefusedWhileTheConsultationBundleWasAwayIsReprocessedOnce() throws Exception {
        consultationUp.set(false);
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send(oru("O0005"));
            assertTrue(msa(ack).startsWith("MSA|AE|O0005"), ack);
            assertTrue(ack.contains("send again later"), ack);
        }
        long id;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM hl7_message WHERE control_id = 'O0005'")) {
            rs.next();
            id = rs.getLong(1);
        }
        consultationUp.set(true);
        assertEquals("PROCESSED", handler.reprocess(id));
        assertEquals(1, observed.size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> handler.reprocess(id));
        assertEquals(1, observed.size());
    }
}
