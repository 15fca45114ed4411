package org.pediconsult.hl7.internal.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ca.uhn.hl7v2.model.Message;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.api.Hl7InboundProcessor;
import org.pediconsult.hl7.api.Hl7InboundRefusal;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;

/**
 * "Also" processors ({@link Hl7InboundProcessor#ALSO}): called after the bridge's own ADT processing with
 * the child id it found; their failures leave the message PROCESSED. H2, no socket.
 */
class InboundAlsoProcessorsTest {
    private static final String ADT = "MSH|^~\\&|HIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125083000||ADT^A04^ADT_A01|%s|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "EVN|A04|20261125083000\r"
            + "PID|1||HIS-000123^^^PILOT1^MR||唐^小明||20220315|M\r"
            + "NK1|1|唐^丽|MTH^Mother^HL70063\r";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;
    private volatile boolean refuse;

    private final Hl7InboundProcessor coverage = new Hl7InboundProcessor() {
        @Override
        public void validate(Message message) {
        }

        @Override
        public List<String> process(Message message, String channel) {
            throw new AssertionError("an also-processor is called through processAlso");
        }

        @Override
        public List<String> processAlso(Message message, String channel, List<String> patientKeys)
                throws Hl7InboundRefusal {
            calls.add(channel + " " + patientKeys);
            if (failure != null) {
                throw failure;
            }
            if (refuse) {
                throw new Hl7InboundRefusal("IN1 unreadable (test)", "IN1", 2);
            }
            return patientKeys;
        }
    };

    private final ContributedProcessors registry = new ContributedProcessors();
    private JdbcDataSource db;
    private MessageStore store;
    private InboundHandler handler;

    @BeforeEach
    void start() {
        registry.addProcessor(coverage, Map.of(Hl7InboundProcessor.MESSAGE_TYPES, "ADT^A04,ADT^A08",
                Hl7InboundProcessor.ALSO, Boolean.TRUE));
        db = Hl7Fixtures.h2();
        store = new MessageStore(db, "his");
        handler = InboundHandler.forChannel("his", store, Hl7Fixtures.parser())
                .maxBytes(200_000)
                .patients(() -> (patient, source) -> "c-0042")
                .processors(registry::forType)
                .also(registry::alsoFor)
                .build();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private String[] row(String controlId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT outcome, patient FROM hl7_message WHERE control_id = ? AND outcome <> 'DUPLICATE'")) {
            ps.setString(1, controlId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "stored: " + controlId);
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    private String send(String controlId) throws Exception {
        return handler.handle(String.format(ADT, controlId).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAlsoProcessorIsNotTheTypesProcessorAndIsCalledOnceWithTheChildIdAfterTheBridgesProcessing() throws Exception {
        assertEquals(null, registry.forType("ADT^A04"));
        assertEquals(List.of(coverage), registry.alsoFor("ADT^A04"));
        assertEquals(List.of(), registry.alsoFor("ADT^A31"));
        String ack = send("A0001");
        assertTrue(ack.contains("MSA|AA|A0001"), ack);
        assertEquals(List.of("his [c-0042]"), calls);
        assertEquals("PROCESSED", row("A0001")[0]);
        assertEquals("c-0042", row("A0001")[1]);
        send("A0001"); // a duplicate is not processed again
        assertEquals(1, calls.size());
    }

    @Test
    void anAlsoProcessorThatFailsOrRefusesLeavesTheMessageProcessed() throws Exception {
        failure = new IllegalStateException("claim database down (test)");
        String ack = send("A0002");
        assertTrue(ack.contains("MSA|AA|A0002"), ack);
        assertEquals("PROCESSED", row("A0002")[0]);
        failure = null;
        refuse = true;
        ack = send("A0003");
        assertTrue(ack.contains("MSA|AA|A0003"), ack);
        assertEquals("PROCESSED", row("A0003")[0]);
        assertEquals(2, calls.size());
    }

    @Test
    void aRemovedAlsoProcessorIsNotCalled() throws Exception {
        registry.removeProcessor(coverage);
        send("A0004");
        assertEquals(List.of(), calls);
        assertEquals("PROCESSED", row("A0004")[0]);
    }
}
