package org.pediconsult.hl7.internal.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.UnknownHisPatientException;
import org.pediconsult.consultation.api.dto.HisObservationReport;
import org.pediconsult.consultation.api.dto.HisPatient;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;

/**
 * ack.after = STORED (the default): AA once stored as RECEIVED, processed afterwards by the channel's
 * {@link InboundProcessor}, in order; real socket, real Camel MLLP consumer, H2.
 */
class InboundStoredModeTest {
    private static final String ADT = "MSH|^~\\&|HIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125083000||ADT^A04^ADT_A01|%s|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "EVN|A04|20261125083000\r"
            + "PID|1||HIS-000123^^^PILOT1^MR||唐^小明||20220315|M\r"
            + "NK1|1|唐^丽|MTH^Mother^HL70063\r";

    /** Patients the fake consultation service registered; observations are accepted only for those. */
    private final List<HisPatient> registered = new CopyOnWriteArrayList<>();
    private final List<HisObservationReport> observed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean consultationUp = new AtomicBoolean(true);
    private final AtomicBoolean consultationFails = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
    private InboundHandler handler;
    private InboundProcessor processor;
    private MessageStore store;
    private JdbcDataSource db;
    private CamelContext camel;
    private int port;

    @BeforeEach
    void start() throws Exception {
        db = Hl7Fixtures.h2();
        port = Hl7Fixtures.freePort();
        ca.uhn.hl7v2.parser.PipeParser parser = Hl7Fixtures.parser();
        store = new MessageStore(db, "his");
        handler = InboundHandler.forChannel("his", store, parser)
                .maxBytes(200_000)
                .patients(() -> consultationUp.get() ? (patient, source) -> {
                    attempts.incrementAndGet();
                    if (consultationFails.get()) {
                        throw new IllegalStateException("database down (test)");
                    }
                    registered.add(patient);
                    return "child-" + registered.size();
                } : null)
                .observations(() -> consultationUp.get() ? (report, source) -> {
                    int index = -1;
                    for (int i = 0; i < registered.size(); i++) {
                        if (registered.get(i).hisId.equals(report.hisId)) {
                            index = i;
                        }
                    }
                    if (index < 0) {
                        throw new UnknownHisPatientException();
                    }
                    report.childId = "child-" + (index + 1);
                    observed.add(report);
                    return report.observations.size();
                } : null)
                .ackAfter(AckAfter.STORED)
                .build();
        processor = startProcessor();
        camel = InboundChannel.start("his", "127.0.0.1", port, 30, handler);
    }

    private InboundProcessor startProcessor() {
        InboundProcessor p = new InboundProcessor("his", store, handler, 50).start();
        handler.onReceived(p::wake);
        return p;
    }

    @AfterEach
    void stop() {
        camel.stop();
        processor.stop();
        store.close();
    }

    private Map<String, Long> outcomes() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT outcome, COUNT(*) FROM hl7_message GROUP BY outcome")) {
            Map<String, Long> m = new HashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
            return m;
        }
    }

    private String[] row(String controlId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, outcome, error, ack FROM hl7_message WHERE control_id = ? AND outcome <> 'DUPLICATE'")) {
            ps.setString(1, controlId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "stored: " + controlId);
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
            }
        }
    }

    private static String msa(String ack) {
        return Stream.of(ack.split("\r")).filter(s -> s.startsWith("MSA")).findFirst().orElse("no MSA in " + ack);
    }

    private static String oru(String controlId) {
        return String.format(OruObservationMappingTest.CHINESE_ORU, controlId);
    }

    /** The stored row's patient column (the child ids processing found). */
    private String patientOf(String controlId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT patient FROM hl7_message WHERE control_id = ? AND outcome <> 'DUPLICATE'")) {
            ps.setString(1, controlId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "stored: " + controlId);
                return rs.getString(1);
            }
        }
    }

    private void awaitOutcome(String controlId, String outcome) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome.equals(row(controlId)[1]));
    }

    @Test
    void anAdtIsAcknowledgedOnceStoredAndProcessedShortlyAfter() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send(String.format(ADT, "S0001"));
            assertTrue(msa(ack).startsWith("MSA|AA|S0001"), ack);
            awaitOutcome("S0001", "PROCESSED");
            assertEquals(1, registered.size());
            assertEquals("PILOT1^HIS-000123", registered.get(0).hisId);
            assertEquals(ack, client.send(String.format(ADT, "S0001")), "a duplicate gets the AA given at receipt");
        }
        assertEquals(Map.of("PROCESSED", 1L, "DUPLICATE", 1L), outcomes());
        assertEquals(1, registered.size(), "the duplicate is not processed");
        // counted after the outcome is committed, so it may trail the row awaited above for a moment
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.processedSinceStart() == 1);
    }

    @Test
    void whileTheConsultationServiceIsAbsentMessagesStayReceivedAndAreProcessedWhenItIsBack() throws Exception {
        consultationUp.set(false);
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertTrue(msa(client.send(String.format(ADT, "W0001"))).startsWith("MSA|AA|W0001"));
            assertTrue(msa(client.send(oru("W0002"))).startsWith("MSA|AA|W0002"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.waitingFor() != null);
        assertEquals(Map.of("RECEIVED", 2L), outcomes(), "waiting for the service, not turned into ERROR");
        consultationUp.set(true);
        awaitOutcome("W0002", "PROCESSED");
        assertEquals(Map.of("PROCESSED", 2L), outcomes());
        assertEquals(1, registered.size());
        assertEquals(1, observed.size());
    }

    @Test
    void aMessageWhoseProcessingKeepsFailingBecomesErrorAfterSomeRetriesAndTheNextOneIsProcessed() throws Exception {
        consultationFails.set(true);
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertTrue(msa(client.send(String.format(ADT, "F0001"))).startsWith("MSA|AA|F0001"));
            awaitOutcome("F0001", "ERROR");
            assertEquals(InboundProcessor.MAX_FAILURES, attempts.get());
            assertTrue(row("F0001")[2].contains("database down"), row("F0001")[2]);
            consultationFails.set(false);
            assertTrue(msa(client.send(String.format(ADT, "F0002"))).startsWith("MSA|AA|F0002"));
            awaitOutcome("F0002", "PROCESSED");
        }
    }

    @Test
    void aMessageIsProcessedFromItsParseOnReceiptNotParsedAgain() throws Exception {
        processor.stop(); // so that the stored row can be changed before it is processed
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertTrue(msa(client.send(String.format(ADT, "H0001"))).startsWith("MSA|AA|H0001"));
        }
        // the stored text changed behind the bridge's back: a second parse would register HIS-999999
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE hl7_message SET raw = REPLACE(raw, 'HIS-000123', 'HIS-999999') WHERE control_id = ?")) {
            ps.setString(1, "H0001");
            assertEquals(1, ps.executeUpdate());
        }
        processor = startProcessor(); // the same handler, which kept the parse
        awaitOutcome("H0001", "PROCESSED");
        assertEquals(1, registered.size());
        assertEquals("PILOT1^HIS-000123", registered.get(0).hisId);
    }

    @Test
    void receivedMessagesLeftBeforeARestartAreProcessedAfterIt() throws Exception {
        consultationUp.set(false);
        try (MllpTestClient client = new MllpTestClient(port)) {
            for (int i = 0; i < 5; i++) {
                assertTrue(msa(client.send(String.format(ADT, "L000" + i))).startsWith("MSA|AA|L000" + i));
            }
        }
        processor.stop(); // as if the process had stopped
        assertEquals(Map.of("RECEIVED", 5L), outcomes());
        consultationUp.set(true);
        processor = startProcessor();
        await().atMost(Duration.ofSeconds(30)).until(() -> Map.of("PROCESSED", 5L).equals(outcomes()));
        assertEquals(5, registered.size());
    }

    @Test
    void anOruForAnUnknownPatientIsAcknowledgedThenErrorAndReprocessedOnceTheAdtArrived() throws Exception {
        String unknown = oru("U0001").replace("HIS-000123", "HIS-555555");
        String ack;
        try (MllpTestClient client = new MllpTestClient(port)) {
            ack = client.send(unknown);
            assertTrue(msa(ack).startsWith("MSA|AA|U0001"), ack);
            awaitOutcome("U0001", "ERROR");
            assertTrue(row("U0001")[2].contains("no patient with this identifier"), "the reason is recorded: " + row("U0001")[2]);
            assertTrue(msa(client.send(String.format(ADT, "U0002").replace("HIS-000123", "HIS-555555")))
                    .startsWith("MSA|AA|U0002"));
            awaitOutcome("U0002", "PROCESSED");
        }
        long id = Long.parseLong(row("U0001")[0]);
        assertEquals(null, patientOf("U0001"), "no child had the identifier when it was first processed");
        assertEquals("PROCESSED", handler.reprocess(id));
        assertEquals("child-1", patientOf("U0001"), "reprocessing names the child found");
        assertEquals(1, observed.size());
        assertEquals(ack, row("U0001")[3], "the ACK given at receipt stays the one resends get");
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertEquals(ack, client.send(unknown));
        }
        assertEquals(1, observed.size());
    }

    @Test
    void anAdtAndAnOruOfANewPatientInOneBurstAreProcessedInOrder() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            byte[] a = MllpTestClient.frame(String.format(ADT, "B0001").replace("HIS-000123", "HIS-424242"));
            byte[] b = MllpTestClient.frame(oru("B0002").replace("HIS-000123", "HIS-424242"));
            byte[] both = new byte[a.length + b.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            client.write(both);
            assertTrue(msa(client.readAck()).startsWith("MSA|AA|B0001"));
            assertTrue(msa(client.readAck()).startsWith("MSA|AA|B0002"));
        }
        awaitOutcome("B0002", "PROCESSED");
        assertEquals("PROCESSED", row("B0001")[1]);
        assertEquals(1, observed.size());
        // the rows name the child they concern, so whoever views them is audited as seeing that child
        assertEquals("child-1", patientOf("B0001"));
        assertEquals("child-1", patientOf("B0002"));
    }

    @Test
    void whatTheMappingRefusesIsStillAnsweredAeAtTheFieldSynchronously() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            String noId = client.send(String.format(ADT, "V0001").replace("HIS-000123^^^PILOT1^MR", ""));
            assertTrue(msa(noId).startsWith("MSA|AE|V0001"), noId);
            assertTrue(noId.contains("PID^1^3"), "ERR points at PID-3: " + noId);
            String noCode = client.send(oru("V0002").replace("29463-7^体重^LN", ""));
            assertTrue(msa(noCode).startsWith("MSA|AE|V0002"), noCode);
            assertTrue(noCode.contains("OBX^2^3"), "ERR points at the second OBX's OBX-3: " + noCode);
            String other = client.send(String.format(ADT, "V0003").replace("ADT^A04^ADT_A01", "ADT^A01^ADT_A01"));
            assertTrue(msa(other).startsWith("MSA|AA|V0003"), other);
        }
        assertEquals(Map.of("ERROR", 2L, "ACCEPTED", 1L), outcomes(), "refused ones never RECEIVED; A01 not processed");
        assertEquals(0, registered.size());
    }
}
