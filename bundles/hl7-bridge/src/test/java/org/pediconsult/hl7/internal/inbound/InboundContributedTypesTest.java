package org.pediconsult.hl7.internal.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.api.Hl7InboundProcessor;
import org.pediconsult.hl7.api.Hl7InboundRefusal;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;

/**
 * Message types other bundles process ({@link Hl7InboundProcessor} through {@link ContributedProcessors}),
 * in both ACK modes: real socket, real Camel MLLP consumer, H2; a fake RDS^O13 processor.
 */
class InboundContributedTypesTest {
    /** A dispense from the hospital pharmacy (synthetic names); %s is MSH-10. */
    private static final String RDS = "MSH|^~\\&|PHARMACY|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125093000"
            + "||RDS^O13^RDS_O13|%s|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "PID|1||c-0007^^^PEDICONSULT^PI||林^小雨||20210601|F\r"
            + "ORC|RE|rx-0001-1^PEDICONSULT||rx-0001^PEDICONSULT\r"
            + "RXD|1|PARACETAMOL-SUSP^对乙酰氨基酚混悬液^PEDICONSULT|20261125092000+0800|1|bottle||rx-0001|||"
            + "P-0042^周^敏||||||||LOT-A1|20271231|^华北制药\r";

    /** What the fake processor saw and does. */
    private final List<String> processed = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    /** process() throws this many times before it succeeds. */
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean refuseInProcess;

    private final Hl7InboundProcessor rds = new Hl7InboundProcessor() {
        @Override
        public void validate(Message message) throws Hl7InboundRefusal {
            try {
                String placer = new Terser(message).get("/ORDER/ORC-2-1");
                if (placer == null || placer.isBlank()) {
                    throw new Hl7InboundRefusal("ORC-2 (placer order number) is missing", "ORC", 2);
                }
            } catch (HL7Exception e) {
                throw new Hl7InboundRefusal("unreadable: " + e.getMessage(), null, 0);
            }
        }

        @Override
        public List<String> process(Message message, String channel) throws Hl7InboundRefusal {
            calls.incrementAndGet();
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("pharmacy database down (test)");
            }
            if (refuseInProcess) {
                throw new Hl7InboundRefusal("prescription rx-0001 is not dispensable", "ORC", 2);
            }
            try {
                processed.add(channel + " " + new Terser(message).get("/ORDER/RXD-18"));
            } catch (HL7Exception e) {
                throw new IllegalStateException(e);
            }
            return List.of("c-0007");
        }
    };

    private final ContributedProcessors registry = new ContributedProcessors();
    private InboundHandler handler;
    private InboundProcessor processor;
    private MessageStore store;
    private JdbcDataSource db;
    private CamelContext camel;
    private int port;

    private void start(AckAfter ackAfter, boolean registered) throws Exception {
        if (registered) {
            registry.addProcessor(rds, Map.of(Hl7InboundProcessor.MESSAGE_TYPES, "RDS^O13"));
        }
        db = Hl7Fixtures.h2();
        port = Hl7Fixtures.freePort();
        store = new MessageStore(db, "his");
        // the consultation bundle is away: nothing here may depend on it
        handler = InboundHandler.forChannel("his", store, Hl7Fixtures.parser())
                .maxBytes(200_000)
                .ackAfter(ackAfter)
                .processors(registry::forType)
                .build();
        processor = new InboundProcessor("his", store, handler, 50).start();
        handler.onReceived(processor::wake);
        camel = InboundChannel.start("his", "127.0.0.1", port, 30, handler);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
            processor.stop();
            store.close();
        }
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

    /** outcome, error, patient of the first row of this control id. */
    private String[] row(String controlId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT outcome, error, patient FROM hl7_message WHERE control_id = ? AND outcome <> 'DUPLICATE'")) {
            ps.setString(1, controlId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "stored: " + controlId);
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
    }

    private void awaitOutcome(String controlId, String outcome) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome.equals(row(controlId)[0]));
    }

    private static String msa(String ack) {
        return Stream.of(ack.split("\r")).filter(s -> s.startsWith("MSA")).findFirst().orElse("no MSA in " + ack);
    }

    private static String err(String ack) {
        return Stream.of(ack.split("\r")).filter(s -> s.startsWith("ERR")).findFirst().orElse("no ERR in " + ack);
    }

    private static String rds(String controlId) {
        return String.format(RDS, controlId);
    }

    @Test
    void aContributedTypeIsAcknowledgedOnceStoredThenProcessedWithItsPatientRecorded() throws Exception {
        start(AckAfter.STORED, true);
        assertTrue(handler.serviceAvailable("RDS^O13"));
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send(rds("R0001"));
            assertTrue(msa(ack).startsWith("MSA|AA|R0001"), ack);
            awaitOutcome("R0001", "PROCESSED");
            assertEquals(ack, client.send(rds("R0001")), "a duplicate gets the AA given at receipt");
        }
        assertEquals(List.of("his LOT-A1"), processed, "processed once, with the channel's name");
        assertEquals("c-0007", row("R0001")[2], "the row names the child process() returned");
        assertEquals(Map.of("PROCESSED", 1L, "DUPLICATE", 1L), outcomes());
        assertEquals(1, calls.get(), "the duplicate is not processed");
    }

    @Test
    void inProcessedModeItIsProcessedBeforeTheAckAndADuplicateIsNotProcessedAgain() throws Exception {
        start(AckAfter.PROCESSED, true);
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send(rds("P0001"));
            assertTrue(msa(ack).startsWith("MSA|AA|P0001"), ack);
            assertEquals(List.of("his LOT-A1"), processed, "processed before the ACK");
            assertEquals(ack, client.send(rds("P0001")));
        }
        assertEquals("PROCESSED", row("P0001")[0]);
        assertEquals("c-0007", row("P0001")[2]);
        assertEquals(Map.of("PROCESSED", 1L, "DUPLICATE", 1L), outcomes());
        assertEquals(1, calls.get());
    }

    @Test
    void aRefusalIsAnsweredAeWithErrAtItsSegmentAndFieldAndStoredAsError() throws Exception {
        for (AckAfter mode : AckAfter.values()) {
            stop();
            start(mode, true);
            try (MllpTestClient client = new MllpTestClient(port)) {
                String ack = client.send(rds("V0001").replace("rx-0001-1^PEDICONSULT", ""));
                assertTrue(msa(ack).startsWith("MSA|AE|V0001"), mode + ": " + ack);
                assertTrue(err(ack).contains("ORC^1^2"), mode + ": ERR points at ORC-2: " + ack);
                assertTrue(err(ack).contains("ORC-2 (placer order number) is missing"), ack);
            }
            assertEquals(Map.of("ERROR", 1L), outcomes(), mode + ": refused before the ACK, never RECEIVED");
            assertTrue(row("V0001")[1].contains("ORC-2"), row("V0001")[1]);
            assertEquals(0, calls.get(), mode + ": a refused message is not processed");
        }
    }

    @Test
    void aRefusalWhileProcessingAfterTheAckIsError() throws Exception {
        start(AckAfter.STORED, true);
        refuseInProcess = true;
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertTrue(msa(client.send(rds("E0001"))).startsWith("MSA|AA|E0001"));
        }
        awaitOutcome("E0001", "ERROR");
        assertTrue(row("E0001")[1].startsWith("prescription rx-0001 is not dispensable"), row("E0001")[1]);
        long id;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM hl7_message WHERE control_id = 'E0001'")) {
            rs.next();
            id = rs.getLong(1);
        }
        refuseInProcess = false;
        assertEquals("PROCESSED", handler.reprocess(id), "reprocessed once the cause is fixed");
        assertEquals("c-0007", row("E0001")[2]);
    }

    @Test
    void aRuntimeExceptionIsRetriedUntilItIsProcessed() throws Exception {
        start(AckAfter.STORED, true);
        failuresLeft.set(2);
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertTrue(msa(client.send(rds("F0001"))).startsWith("MSA|AA|F0001"));
        }
        awaitOutcome("F0001", "PROCESSED");
        assertEquals(3, calls.get(), "two failures, then processed");
        assertEquals(List.of("his LOT-A1"), processed);
    }

    @Test
    void aRuntimeExceptionInProcessedModeIsAnsweredSendAgainLater() throws Exception {
        start(AckAfter.PROCESSED, true);
        failuresLeft.set(1);
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send(rds("F0002"));
            assertTrue(msa(ack).startsWith("MSA|AE|F0002"), ack);
            assertTrue(err(ack).contains("send again later"), ack);
            assertTrue(err(ack).contains("|207"), "application internal error: " + ack);
            assertTrue(!ack.contains("database down"), "the exception's text is not sent: " + ack);
        }
        assertEquals("ERROR", row("F0002")[0]);
    }

    @Test
    void withoutAProcessorTheTypeIsStoredAndAcceptedAsBefore() throws Exception {
        start(AckAfter.STORED, false);
        assertTrue(!handler.serviceAvailable("RDS^O13"));
        try (MllpTestClient client = new MllpTestClient(port)) {
            String ack = client.send(rds("N0001").replace("rx-0001-1^PEDICONSULT", ""));
            assertTrue(msa(ack).startsWith("MSA|AA|N0001"), "not validated either: " + ack);
        }
        assertEquals(Map.of("ACCEPTED", 1L), outcomes());
        assertNull(row("N0001")[2]);
        assertEquals(0, calls.get());
    }

    @Test
    void aProcessorThatWentAwayAfterTheAckIsWaitedFor() throws Exception {
        start(AckAfter.STORED, true);
        processor.stop(); // ACKed while the processor is there, processed only after it went away
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertTrue(msa(client.send(rds("G0001"))).startsWith("MSA|AA|G0001"));
        }
        registry.removeProcessor(rds);
        assertTrue(!handler.serviceAvailable("RDS^O13"));
        processor = new InboundProcessor("his", store, handler, 50).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.waitingFor() != null);
        assertTrue(processor.waitingFor().contains("RDS^O13"), processor.waitingFor());
        assertEquals(Map.of("RECEIVED", 1L), outcomes(), "waits for its processor, neither ERROR nor ACCEPTED");
        assertEquals(0, calls.get());
        registry.addProcessor(rds, Map.of(Hl7InboundProcessor.MESSAGE_TYPES, new String[] {"RDS^O13^RDS_O13"}));
        awaitOutcome("G0001", "PROCESSED");
        assertEquals(1, calls.get());
        assertEquals("c-0007", row("G0001")[2]);
    }

    @Test
    void theRegistryReadsTheTypesPropertyAndTheFirstProcessorOfATypeKeepsIt() {
        assertEquals(Set.of("RDS^O13", "ORM^O01"), ContributedProcessors.types(" RDS^O13^RDS_O13 , ORM^O01"));
        assertEquals(Set.of("RDS^O13"), ContributedProcessors.types(new String[] {"RDS^O13", "RDS"}));
        assertEquals(Set.of(), ContributedProcessors.types(null));
        ContributedProcessors r = new ContributedProcessors();
        Hl7InboundProcessor other = new Hl7InboundProcessor() {
            @Override
            public void validate(Message message) {
            }

            @Override
            public List<String> process(Message message, String channel) {
                return List.of();
            }
        };
        r.addProcessor(rds, Map.of(Hl7InboundProcessor.MESSAGE_TYPES, "RDS^O13"));
        r.addProcessor(other, Map.of(Hl7InboundProcessor.MESSAGE_TYPES, "RDS^O13,RDE^O11"));
        r.addProcessor(other, Map.of());   // no types: ignored
        assertEquals(rds, r.forType("RDS^O13"));
        assertEquals(other, r.forType("RDE^O11"));
        r.removeProcessor(rds);
        assertEquals(other, r.forType("RDS^O13"), "the other takes over");
        assertNull(r.forType("ADT^A04"));
    }
}
