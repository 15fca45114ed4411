package org.pediconsult.hl7.internal.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;
import org.pediconsult.platform.api.data.Tx;

/**
 * The processor's batch transaction: a consultation service that writes through the platform's {@code Tx} (as the
 * real one does) joins it, so its rows commit with the messages' PROCESSED outcome and not before; a message whose
 * processing threw after writing leaves nothing of that attempt, and its retry succeeds. Real socket, H2.
 */
class InboundBatchTransactionTest {
    private static final String ADT = "MSH|^~\\&|HIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125083000||ADT^A04^ADT_A01|%s|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "EVN|A04|20261125083000\r"
            + "PID|1||HIS-%s^^^PILOT1^MR||唐^小明||20220315|M\r";

    private JdbcDataSource db;
    private MessageStore store;
    private InboundProcessor processor;
    private CamelContext camel;
    private int port;
    /** The upsert of HIS-B0003 throws once, after writing its row. */
    private final AtomicBoolean failOnce = new AtomicBoolean(true);
    /** For each upsert: was its row visible to another connection right after its Tx returned? */
    private final List<Boolean> visibleAtOnce = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        db = Hl7Fixtures.h2();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE test_child (his_id VARCHAR(40) PRIMARY KEY, name VARCHAR(40))");
        }
        port = Hl7Fixtures.freePort();
        store = new MessageStore(db, "his");
        Tx tx = new Tx(db);
        InboundHandler handler = InboundHandler.forChannel("his", store, Hl7Fixtures.parser())
                .maxBytes(200_000)
                .patients(() -> (patient, source) -> {
                    tx.inTransaction(c -> {
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO test_child VALUES (?, ?)")) {
                            ps.setString(1, patient.hisId);
                            ps.setString(2, "唐小明");
                            ps.executeUpdate();
                        }
                        return null;
                    });
                    visibleAtOnce.add(committed().contains(patient.hisId));
                    if (patient.hisId.endsWith("B0003") && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("the consultation database failed after the insert (test)");
                    }
                    return "child-" + patient.hisId;
                })
                .ackAfter(AckAfter.STORED)
                .build();
        processor = new InboundProcessor("his", store, handler, 50).start();
        handler.onReceived(processor::wake);
        camel = InboundChannel.start("his", "127.0.0.1", port, 30, handler);
    }

    @AfterEach
    void stop() {
        camel.stop();
        processor.stop();
        store.close();
    }

    /** The test_child rows another connection sees (committed ones). */
    private List<String> committed() {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT his_id FROM test_child ORDER BY his_id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private long processed() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM hl7_message WHERE outcome = 'PROCESSED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theProcessorsWritesCommitWithTheOutcomesAndAFailedAttemptLeavesNothing() throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            for (int i = 1; i <= 5; i++) {
                String id = String.format("B%04d", i);
                String ack = client.send(String.format(ADT, id, id));
                assertTrue(ack.contains("MSA|AA|" + id), ack);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> processed() == 5);
        assertEquals(List.of("PILOT1^HIS-B0001", "PILOT1^HIS-B0002", "PILOT1^HIS-B0003", "PILOT1^HIS-B0004",
                "PILOT1^HIS-B0005"), committed(), "each patient once: the failed attempt's row was rolled back, so "
                + "its retry could insert it again");
        assertEquals(6, visibleAtOnce.size(), "five upserts and the retry of the one that failed");
        assertTrue(visibleAtOnce.stream().noneMatch(v -> v), "no upsert committed on its own: each joined the "
                + "processor's batch transaction " + visibleAtOnce);
    }
}
